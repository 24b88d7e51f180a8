//! The simulated card's TEST ONLY private keys (`sim/fixtures/certs/*-key.pk8.der`, made by
//! `tools/testpki`), and the card's signatures: PKCS#1 v1.5 or PSS with the schemes a card
//! offers (RustCrypto `rsa`, no hand-written RSA).

#[cfg(test)]
use crate::layout::KeyRef;
use rsa::pkcs8::DecodePrivateKey;
use rsa::pss::Pss;
use rsa::sha2::{Digest, Sha256};
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey};
use std::sync::OnceLock;

/// A private key of the simulated card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimKey {
    /// JPKI `0017`, the user-authentication key.
    Auth,
    /// JPKI `001A`, the signature key.
    Sign,
    /// Not on the card: the TEST issuer that signs the card's data files (a real card's are
    /// signed by J-LIS); its public half is in the applications' card-verifiable certificates.
    Data,
    /// Kenhojo's own key (`80 2A 00 00` in that DF, no credential).
    Kenhojo,
    /// Kenmen's own key.
    Kenmen,
    /// Not on the card: the root of the card-verifiable certificates (J-LIS's on a card).
    CvRoot,
    /// The intermediate the MF's `00F8` certifies; it certifies [`SimKey::Data`].
    CvMid,
    /// The common DF's key `0019`: INTERNAL AUTHENTICATE, no credential.
    Common,
}

fn key(k: SimKey) -> &'static RsaPrivateKey {
    static KEYS: [OnceLock<RsaPrivateKey>; 8] = [const { OnceLock::new() }; 8];
    let (i, der): (usize, &[u8]) = match k {
        SimKey::Auth => (0, include_bytes!("../fixtures/certs/auth-key.pk8.der")),
        SimKey::Sign => (1, include_bytes!("../fixtures/certs/sign-key.pk8.der")),
        SimKey::Data => (2, include_bytes!("../fixtures/certs/data-key.pk8.der")),
        SimKey::Kenhojo => (3, include_bytes!("../fixtures/certs/kenhojo-key.pk8.der")),
        SimKey::Kenmen => (4, include_bytes!("../fixtures/certs/kenmen-key.pk8.der")),
        SimKey::CvRoot => (5, include_bytes!("../fixtures/certs/cv-root-key.pk8.der")),
        SimKey::CvMid => (6, include_bytes!("../fixtures/certs/cv-mid-key.pk8.der")),
        SimKey::Common => (7, include_bytes!("../fixtures/certs/common-key.pk8.der")),
    };
    KEYS[i].get_or_init(|| {
        RsaPrivateKey::from_pkcs8_der(der).expect("the test keys in sim/fixtures/certs parse")
    })
}

#[cfg(test)]
fn of(r: KeyRef) -> Option<SimKey> {
    match r {
        KeyRef::Auth => Some(SimKey::Auth),
        KeyRef::Sign => Some(SimKey::Sign),
        _ => None,
    }
}

/// Why a signing command is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignError {
    /// P1 names no scheme (`6A 86`).
    Scheme,
    /// The input does not fit the scheme (`67 00`: a hash of the wrong length, too long).
    Length,
}

/// SHA-256 DigestInfo prefix (RFC 8017 §9.2).
const SHA256_DI: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// The card's signing command `80 2A P1 …`: P1 `00` pads `data` as given (PKCS#1 v1.5), `01`
/// hashes it and pads the bare hash, `02` wraps the 32-byte hash given in a SHA-256 DigestInfo,
/// `03` hashes and wraps, `04` signs the 32-byte hash given with PSS, `05` hashes and signs with
/// PSS \[1\]; any other P1 is refused.
pub fn sign_scheme(k: SimKey, p1: u8, data: &[u8]) -> Result<Vec<u8>, SignError> {
    let key = key(k);
    let sha = |d: &[u8]| Sha256::digest(d).to_vec();
    let digest_info = |h: &[u8]| [&SHA256_DI[..], h].concat();
    let pkcs1 = |payload: &[u8]| {
        key.sign(Pkcs1v15Sign::new_unprefixed(), payload)
            .map_err(|_| SignError::Length)
    };
    let pss = |hash: &[u8]| {
        key.sign(Pss::<Sha256>::new(), hash)
            .map_err(|_| SignError::Length)
    };
    if data.is_empty() {
        return Err(SignError::Length);
    }
    match p1 {
        0x00 => pkcs1(data),
        0x01 => pkcs1(&sha(data)),
        0x02 if data.len() == 32 => pkcs1(&digest_info(data)),
        0x03 => pkcs1(&digest_info(&sha(data))),
        0x04 if data.len() == 32 => pss(data),
        0x05 => pss(&sha(data)),
        0x02 | 0x04 => Err(SignError::Length),
        _ => Err(SignError::Scheme),
    }
}

/// PKCS#1 v1.5 with SHA-256 over `message`: how the TEST issuer signs the data files.
pub fn sign_sha256(k: SimKey, message: &[u8]) -> Vec<u8> {
    sign_scheme(k, 0x03, message).expect("a SHA-256 DigestInfo fits a 2048-bit key")
}

/// The public half of `k` as the card writes a public key: `90` exponent, `91` modulus.
pub fn public_key_tlv(k: SimKey) -> Vec<u8> {
    let public = key(k).to_public_key();
    let e = public.e_bytes();
    let n = public.n_bytes();
    let mut out = vec![0x90, e.len() as u8];
    out.extend_from_slice(&e);
    out.extend_from_slice(&[0x91, 0x82, (n.len() >> 8) as u8, n.len() as u8]);
    out.extend_from_slice(&n);
    out
}

#[cfg(test)]
/// The modulus of `r`'s key, big-endian (for tests that match it against a certificate).
pub fn modulus(r: KeyRef) -> Option<Vec<u8>> {
    Some(key(of(r)?).to_public_key().n_bytes().to_vec())
}

#[cfg(test)]
/// Verifies `sig` over `digest_info` with the public half of `r`'s key.
pub fn verifies(r: KeyRef, digest_info: &[u8], sig: &[u8]) -> bool {
    of(r).is_some_and(|k| {
        key(k)
            .to_public_key()
            .verify(Pkcs1v15Sign::new_unprefixed(), digest_info, sig)
            .is_ok()
    })
}

//! The simulated card's TEST ONLY private keys (`fixtures/certs/*-key.pk8.der`, made by
//! `tools/testpki`), and the card's signature: PKCS#1 v1.5 over the DigestInfo the host sends,
//! which the card pads but does not hash (RustCrypto `rsa`, no hand-written RSA).

use crate::layout::KeyRef;
use rsa::pkcs8::DecodePrivateKey;
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey};
use std::sync::OnceLock;

static AUTH_KEY_DER: &[u8] = include_bytes!("../../fixtures/certs/auth-key.pk8.der");
static SIGN_KEY_DER: &[u8] = include_bytes!("../../fixtures/certs/sign-key.pk8.der");

fn key(r: KeyRef) -> Option<&'static RsaPrivateKey> {
    static AUTH: OnceLock<RsaPrivateKey> = OnceLock::new();
    static SIGN: OnceLock<RsaPrivateKey> = OnceLock::new();
    let (cell, der) = match r {
        KeyRef::Auth => (&AUTH, AUTH_KEY_DER),
        KeyRef::Sign => (&SIGN, SIGN_KEY_DER),
        _ => return None,
    };
    Some(cell.get_or_init(|| {
        RsaPrivateKey::from_pkcs8_der(der).expect("the test keys in fixtures/certs parse")
    }))
}

/// Signs `digest_info` with the key of `r` (auth or sign): a 256-byte signature, or `None`
/// when the input does not fit the key (longer than 256 − 11 bytes).
pub fn sign(r: KeyRef, digest_info: &[u8]) -> Option<Vec<u8>> {
    key(r)?
        .sign(Pkcs1v15Sign::new_unprefixed(), digest_info)
        .ok()
}

#[cfg(test)]
/// The modulus of `r`'s key, big-endian (for tests that match it against a certificate).
pub fn modulus(r: KeyRef) -> Option<Vec<u8>> {
    use rsa::traits::PublicKeyParts;
    Some(key(r)?.to_public_key().n_bytes().to_vec())
}

#[cfg(test)]
/// Verifies `sig` over `digest_info` with the public half of `r`'s key.
pub fn verifies(r: KeyRef, digest_info: &[u8], sig: &[u8]) -> bool {
    key(r).is_some_and(|k| {
        k.to_public_key()
            .verify(Pkcs1v15Sign::new_unprefixed(), digest_info, sig)
            .is_ok()
    })
}

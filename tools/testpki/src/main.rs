//! Generates the simulated card's TEST ONLY public-key infrastructure into `fixtures/certs/`,
//! reproducibly: the same seed gives the same keys and certificates, byte for byte.
//!
//! ```text
//! cargo run --release -p testpki               # writes fixtures/certs/
//! cargo run --release -p testpki -- --check    # fails if the files differ from a fresh run
//! ```
//!
//! The hierarchy mirrors JPKI's shape (card doc §8): one root, a CA for user-authentication
//! certificates, a CA for signature certificates, and on the card an authentication and a
//! signature certificate (RSA-2048, X.509 v3), plus an expired authentication certificate for
//! the `auth-expired` fixture (same key as the valid one, so the card's key matches whichever
//! certificate it serves). Every subject says TEST ONLY. Nothing here is, or chains to, a real
//! JPKI certificate.
//!
//! Extensions: basicConstraints (critical; CA true for the CAs), keyUsage (critical;
//! keyCertSign + cRLSign for the CAs, digitalSignature for authentication, nonRepudiation for
//! signature — what peers such as `myna` check), subject and authority key identifiers, and
//! certificatePolicies with OIDs under `1.3.6.1.4.1.32473` (IANA's enterprise number for
//! documentation, RFC 5612), because real JPKI policy OIDs must not be claimed by test
//! certificates. Real signature certificates also
//! carry the holder's name, address, birth date and sex in subjectAltName; these do not.

use der::{Decode, Encode};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::EncodePrivateKey;
use rsa::PrivateKey as RsaPrivateKey;
use sha2::Sha256;
use spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, KeyUsage, KeyUsages,
    SubjectKeyIdentifier,
};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

/// The seed of the whole hierarchy. Change it only to rotate every test key at once.
const SEED: [u8; 32] = *b"mynapin TEST ONLY PKI seed v1...";

/// What a certificate is for.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Root,
    Ca,
    Auth,
    Sign,
}

/// Test policy OIDs under IANA's enterprise number 32473, reserved for documentation and
/// examples (RFC 5612): not JPKI's.
const POLICY_AUTH: &str = "1.3.6.1.4.1.32473.392.1.1";
const POLICY_SIGN: &str = "1.3.6.1.4.1.32473.392.1.2";

struct Profile {
    role: Role,
    subject: Name,
    issuer: Name,
}

type BuildResult<T> = Result<T, x509_cert::builder::Error>;

impl BuilderProfile for Profile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> BuildResult<Vec<Extension>> {
        let mut ext: Vec<Extension> = Vec::new();
        let ca = matches!(self.role, Role::Root | Role::Ca);
        ext.push(
            BasicConstraints {
                ca,
                path_len_constraint: match self.role {
                    Role::Ca => Some(0),
                    _ => None,
                },
            }
            .to_extension(tbs.subject(), &ext)?,
        );
        let usage = match self.role {
            Role::Root | Role::Ca => KeyUsages::KeyCertSign | KeyUsages::CRLSign,
            Role::Auth => KeyUsages::DigitalSignature.into(),
            Role::Sign => KeyUsages::NonRepudiation.into(),
        };
        ext.push(KeyUsage(usage).to_extension(tbs.subject(), &ext)?);
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        let aki = SubjectKeyIdentifier::try_from(issuer_spk)?;
        ext.push(ski.to_extension(tbs.subject(), &ext)?);
        ext.push(
            AuthorityKeyIdentifier {
                key_identifier: Some(aki.0.clone()),
                ..Default::default()
            }
            .to_extension(tbs.subject(), &ext)?,
        );
        let policy = match self.role {
            Role::Auth => Some(POLICY_AUTH),
            Role::Sign => Some(POLICY_SIGN),
            _ => None,
        };
        if let Some(p) = policy {
            ext.push(
                CertificatePolicies(vec![PolicyInformation {
                    policy_identifier: der::asn1::ObjectIdentifier::new_unwrap(p),
                    policy_qualifiers: None,
                }])
                .to_extension(tbs.subject(), &ext)?,
            );
        }
        Ok(ext)
    }
}

fn name(s: &str) -> Name {
    Name::from_str(s).expect("a valid name")
}

fn time(s: &str) -> Time {
    Time::from_str(s).expect("a valid time")
}

fn key(rng: &mut ChaCha20Rng) -> RsaPrivateKey {
    RsaPrivateKey::new(rng, 2048).expect("RSA-2048 key generation")
}

#[allow(clippy::too_many_arguments)]
fn issue(
    role: Role,
    serial: u32,
    subject: &Name,
    issuer: &Name,
    from: &str,
    to: &str,
    subject_key: &RsaPrivateKey,
    issuer_key: &RsaPrivateKey,
) -> Vec<u8> {
    let spki = SubjectPublicKeyInfoOwned::from_key(&subject_key.to_public_key())
        .expect("public key encodes");
    let profile = Profile {
        role,
        subject: subject.clone(),
        issuer: issuer.clone(),
    };
    let builder = CertificateBuilder::new(
        profile,
        SerialNumber::from(serial),
        Validity::new(time(from), time(to)),
        spki,
    )
    .expect("certificate builder");
    let signer = SigningKey::<Sha256>::new(issuer_key.clone());
    let cert: Certificate = builder
        .build::<_, rsa::pkcs1v15::Signature>(&signer)
        .expect("certificate signs");
    let der = cert.to_der().expect("certificate encodes");
    // Decode again: what is written must parse.
    Certificate::from_der(&der).expect("certificate parses");
    der
}

/// Where the files go.
fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/certs")
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let out = out_dir();
    let files = generate();
    let mut differ = Vec::new();
    for (file, bytes) in &files {
        let path = out.join(file);
        if check {
            if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
                differ.push(*file);
            }
        } else {
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            println!("testpki: wrote {} ({} bytes)", path.display(), bytes.len());
        }
    }
    if check {
        if differ.is_empty() {
            println!("testpki: fixtures/certs matches the seed");
        } else {
            eprintln!("testpki: differs from a fresh run: {}", differ.join(", "));
            std::process::exit(1);
        }
    }
}

/// Every file of the hierarchy: name → bytes.
fn pk8(k: &RsaPrivateKey) -> Vec<u8> {
    k.to_pkcs8_der().expect("key encodes").as_bytes().to_vec()
}

fn generate() -> Vec<(&'static str, Vec<u8>)> {
    let mut rng = ChaCha20Rng::from_seed(SEED);

    let root_key = key(&mut rng);
    let auth_ca_key = key(&mut rng);
    let sign_ca_key = key(&mut rng);
    let auth_key = key(&mut rng);
    let sign_key = key(&mut rng);
    // Drawn after the five above, so that they (and every certificate) stay what they were.
    // The signer of the card's data files (what J-LIS signs on a real card: the age record,
    // the card face, the number image, the integrity record), and the two applications' own
    // signing keys (Kenhojo, Kenmen: `80 2A 00 00` in their DF).
    let data_key = key(&mut rng);
    let kenhojo_key = key(&mut rng);
    let kenmen_key = key(&mut rng);

    let o = "O=mynapin TEST ONLY,C=JP";
    let root = name(&format!("CN=mynapin TEST ONLY Root CA,{o}"));
    let auth_ca = name(&format!(
        "CN=mynapin TEST ONLY JPKI User Authentication CA,OU=TEST ONLY,{o}"
    ));
    let sign_ca = name(&format!(
        "CN=mynapin TEST ONLY JPKI Signature CA,OU=TEST ONLY,{o}"
    ));
    let auth_ee = name(&format!(
        "CN=TEST ONLY user authentication (simulated card),OU=TEST ONLY,{o}"
    ));
    let sign_ee = name(&format!(
        "CN=TEST ONLY Shiken Hanako (simulated card),OU=TEST ONLY,{o}"
    ));

    // Validity: the CAs cover every certificate they issue, including the expired one.
    vec![
        (
            "root-ca.der",
            issue(
                Role::Root,
                1,
                &root,
                &root,
                "2020-01-01T00:00:00Z",
                "2045-12-31T23:59:59Z",
                &root_key,
                &root_key,
            ),
        ),
        (
            "auth-ca.der",
            issue(
                Role::Ca,
                2,
                &auth_ca,
                &root,
                "2020-01-01T00:00:00Z",
                "2040-12-31T23:59:59Z",
                &auth_ca_key,
                &root_key,
            ),
        ),
        (
            "sign-ca.der",
            issue(
                Role::Ca,
                3,
                &sign_ca,
                &root,
                "2020-01-01T00:00:00Z",
                "2040-12-31T23:59:59Z",
                &sign_ca_key,
                &root_key,
            ),
        ),
        (
            "auth-valid.der",
            issue(
                Role::Auth,
                0x1001,
                &auth_ee,
                &auth_ca,
                "2025-04-01T00:00:00Z",
                "2035-03-31T14:59:59Z",
                &auth_key,
                &auth_ca_key,
            ),
        ),
        (
            "auth-expired.der",
            issue(
                Role::Auth,
                0x1000,
                &auth_ee,
                &auth_ca,
                "2020-04-01T00:00:00Z",
                "2025-03-31T14:59:59Z",
                &auth_key,
                &auth_ca_key,
            ),
        ),
        (
            "sign-valid.der",
            issue(
                Role::Sign,
                0x2001,
                &sign_ee,
                &sign_ca,
                "2025-04-01T00:00:00Z",
                "2035-03-31T14:59:59Z",
                &sign_key,
                &sign_ca_key,
            ),
        ),
        (
            "auth-key.pk8.der",
            auth_key
                .to_pkcs8_der()
                .expect("key encodes")
                .as_bytes()
                .to_vec(),
        ),
        (
            "sign-key.pk8.der",
            sign_key
                .to_pkcs8_der()
                .expect("key encodes")
                .as_bytes()
                .to_vec(),
        ),
        ("data-key.pk8.der", pk8(&data_key)),
        ("kenhojo-key.pk8.der", pk8(&kenhojo_key)),
        ("kenmen-key.pk8.der", pk8(&kenmen_key)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed PKI is what the seed gives: anyone can regenerate it, byte for byte.
    #[test]
    fn the_committed_files_are_what_the_seed_gives() {
        for (file, bytes) in generate() {
            let path = out_dir().join(file);
            let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(
                committed == bytes,
                "{file} differs: run cargo run -p testpki"
            );
        }
    }
}

//! Generates the simulated card's TEST ONLY public-key infrastructure into `sim/fixtures/certs/`,
//! reproducibly: the same seed gives the same keys and certificates, byte for byte.
//!
//! ```text
//! cargo run --release -p testpki               # writes sim/fixtures/certs/
//! cargo run --release -p testpki -- --check    # fails if the files differ from a fresh run
//! ```
//!
//! The hierarchy has a card's shape (card facts §9): a self-signed CA for user-authentication
//! certificates and one for signature certificates — the card serves them, and each is its own
//! root — and on the card an authentication and a signature certificate (RSA-2048, X.509 v3),
//! plus an expired authentication certificate for the `auth-expired` fixture (same key as the
//! valid one, so the card's key matches whichever certificate it serves). Every issuer and
//! subject names the organisation TEST ONLY. Nothing here is, or chains to, a real JPKI
//! certificate. Also: the issuer of the card's data files, the two applications' keys, the
//! root and intermediate of the card-verifiable certificates and the common DF's key.
//!
//! Extensions. CAs: basicConstraints (critical, CA), keyUsage keyCertSign + cRLSign, key
//! identifiers. End-entity certificates, as on a card: no basicConstraints; keyUsage (critical)
//! digitalSignature for authentication, digitalSignature + nonRepudiation for signature;
//! certificatePolicies (critical), extendedKeyUsage, issuerAltName, CRL distribution points,
//! OCSP address (authorityInfoAccess, under the reserved `.invalid` name), key identifiers; the
//! signature certificate also the holder's name, address, birth date and sex in subjectAltName
//! (otherName). Every OID of our own is under `1.3.6.1.4.1.32473` (IANA's enterprise number for
//! documentation, RFC 5612): real JPKI OIDs must not be claimed by test certificates.

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
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName, OtherName};
use x509_cert::ext::pkix::{
    AccessDescription, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints,
    CertificatePolicies, CrlDistributionPoints, ExtendedKeyUsage, IssuerAltName, KeyUsage,
    KeyUsages, SubjectAltName, SubjectKeyIdentifier,
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
    /// A self-signed CA, as the card serves.
    Root,
    Auth,
    Sign,
}

/// Test policy OIDs under IANA's enterprise number 32473, reserved for documentation and
/// examples (RFC 5612): not JPKI's.
const POLICY_AUTH: &str = "1.3.6.1.4.1.32473.392.1.1";
const POLICY_SIGN: &str = "1.3.6.1.4.1.32473.392.1.2";
/// Extended key usages of the two end-entity certificates (ours, as above).
const EKU_AUTH: &str = "1.3.6.1.4.1.32473.392.3.1";
const EKU_SIGN: &str = "1.3.6.1.4.1.32473.392.3.2";
/// The holder's data in the signature certificate's subjectAltName, as otherName entries
/// (ours, as above): name, address (UTF8String), birth date `YYYYMMDD`, sex (ISO 5218).
const SAN_NAME: &str = "1.3.6.1.4.1.32473.392.2.1";
const SAN_ADDRESS: &str = "1.3.6.1.4.1.32473.392.2.2";
const SAN_BIRTH: &str = "1.3.6.1.4.1.32473.392.2.3";
const SAN_SEX: &str = "1.3.6.1.4.1.32473.392.2.4";
/// The TEST person of the default fixture (`sim/src/fixture.rs`, `Person::default`).
const PERSON_NAME: &str = "試験\u{3000}花子";
const PERSON_ADDRESS: &str = "東京都千代田区試験町\u{FF11}\u{FF0D}\u{FF12}\u{FF0D}\u{FF13}";
const PERSON_BIRTH: &str = "19900101";
const PERSON_SEX: &str = "2";
/// Where revocation would be checked: a reserved name that never resolves (RFC 6761).
const CRL_URI: &str = "http://crl.mynapin.invalid/test-only/";
const OCSP_URI: &str = "http://ocsp.mynapin.invalid/test-only";

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
        let ca = self.role == Role::Root;
        // A card's end-entity certificates carry no basicConstraints; its CAs do.
        if ca {
            ext.push(
                BasicConstraints {
                    ca,
                    path_len_constraint: None,
                }
                .to_extension(tbs.subject(), &ext)?,
            );
        }
        let usage = match self.role {
            Role::Root => KeyUsages::KeyCertSign | KeyUsages::CRLSign,
            Role::Auth => KeyUsages::DigitalSignature.into(),
            Role::Sign => KeyUsages::DigitalSignature | KeyUsages::NonRepudiation,
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
        let oid = der::asn1::ObjectIdentifier::new_unwrap;
        let uri = |s: &str| {
            GeneralName::UniformResourceIdentifier(
                der::asn1::Ia5String::new(s).expect("an ASCII URI"),
            )
        };
        if let Some(p) = policy {
            // Critical, as on a card.
            let policies = CertificatePolicies(vec![PolicyInformation {
                policy_identifier: oid(p),
                policy_qualifiers: None,
            }]);
            ext.push((true, &policies).to_extension(tbs.subject(), &ext)?);
            let eku = if self.role == Role::Auth {
                EKU_AUTH
            } else {
                EKU_SIGN
            };
            ext.push(ExtendedKeyUsage(vec![oid(eku)]).to_extension(tbs.subject(), &ext)?);
            if self.role == Role::Sign {
                let other = |type_id: &str, value: der::Any| {
                    GeneralName::OtherName(OtherName {
                        type_id: oid(type_id),
                        value,
                    })
                };
                let utf8 = |s: &str| {
                    der::Any::encode_from(&der::asn1::Utf8StringRef::new(s).expect("UTF-8"))
                        .expect("encodes")
                };
                let printable = |s: &str| {
                    der::Any::encode_from(
                        &der::asn1::PrintableStringRef::new(s).expect("printable"),
                    )
                    .expect("encodes")
                };
                ext.push(
                    SubjectAltName(vec![
                        other(SAN_NAME, utf8(PERSON_NAME)),
                        other(SAN_ADDRESS, utf8(PERSON_ADDRESS)),
                        other(SAN_BIRTH, printable(PERSON_BIRTH)),
                        other(SAN_SEX, printable(PERSON_SEX)),
                    ])
                    .to_extension(tbs.subject(), &ext)?,
                );
            }
            ext.push(
                IssuerAltName(vec![GeneralName::DirectoryName(name(
                    "CN=mynapin TEST ONLY issuer,O=mynapin TEST ONLY,C=JP",
                ))])
                .to_extension(tbs.subject(), &ext)?,
            );
            let crl = format!(
                "{CRL_URI}{}.crl",
                if self.role == Role::Auth {
                    "auth"
                } else {
                    "sign"
                }
            );
            ext.push(
                CrlDistributionPoints(vec![DistributionPoint {
                    distribution_point: Some(DistributionPointName::FullName(vec![uri(&crl)])),
                    reasons: None,
                    crl_issuer: None,
                }])
                .to_extension(tbs.subject(), &ext)?,
            );
            ext.push(
                AuthorityInfoAccessSyntax(vec![AccessDescription {
                    access_method: oid("1.3.6.1.5.5.7.48.1"), // id-ad-ocsp
                    access_location: uri(OCSP_URI),
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
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sim/fixtures/certs")
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
            println!("testpki: sim/fixtures/certs matches the seed");
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

    // The first key drawn was the root of an earlier hierarchy (a card serves self-signed CA
    // certificates, so there is none now); it is still drawn so that every other key stays
    // what it was.
    let _former_root_key = key(&mut rng);
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
    // Then: the root and the intermediate of the card-verifiable certificates (the root is
    // not on the card; the MF's `00F8` certifies the intermediate, `7F21` and the applications'
    // EF `0004` certify the data-file issuer), and the common DF's key `0019` (INTERNAL
    // AUTHENTICATE).
    let cv_root_key = key(&mut rng);
    let cv_mid_key = key(&mut rng);
    let common_key = key(&mut rng);

    let o = "O=mynapin TEST ONLY,C=JP";
    // The CAs are self-signed, as the ones a card serves are: each is its own root.
    let auth_ca = name(&format!(
        "CN=mynapin TEST ONLY JPKI User Authentication CA,OU=TEST ONLY,{o}"
    ));
    let sign_ca = name(&format!(
        "CN=mynapin TEST ONLY JPKI Signature CA,OU=TEST ONLY,{o}"
    ));
    // A card's subject is the country and an identifier; ours also names the organisation
    // TEST ONLY, so that no reader takes it for a real one.
    let auth_ee = name(&format!("CN=TESTONLY00000000000000001A,{o}"));
    let sign_ee = name(&format!("CN=TESTONLY00000000000000001S,{o}"));

    // Validity: the CAs cover every certificate they issue, including the expired one.
    vec![
        (
            "auth-ca.der",
            issue(
                Role::Root,
                2,
                &auth_ca,
                &auth_ca,
                "2020-01-01T00:00:00Z",
                "2040-12-31T23:59:59Z",
                &auth_ca_key,
                &auth_ca_key,
            ),
        ),
        (
            "sign-ca.der",
            issue(
                Role::Root,
                3,
                &sign_ca,
                &sign_ca,
                "2020-01-01T00:00:00Z",
                "2040-12-31T23:59:59Z",
                &sign_ca_key,
                &sign_ca_key,
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
        ("cv-root-key.pk8.der", pk8(&cv_root_key)),
        ("cv-mid-key.pk8.der", pk8(&cv_mid_key)),
        ("common-key.pk8.der", pk8(&common_key)),
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

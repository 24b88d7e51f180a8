//! What `myna-card` (a client written and tested against a real JPKI test card) reads from and
//! does with the simulated card: every read it offers, every signing scheme, the application
//! keys, each signature verified; the refusals a card gives, as refusals. Shared by
//! tests/myna_card.rs (in-process) and tests/e2e_myna_card.rs (through pcscd).

#![allow(dead_code)]

use myna_card::ap::{common::CommonAp, jpki::JpkiAp, jpki::SignatureScheme, juki::JukiAp};
use myna_card::ap::{surface, surface::SurfaceAp, text, text::TextAp};
use myna_card::data::{CardVerifiableCertificate, Date, RsaPublicKey, Sex};
use myna_card::{
    Card, Certificate, Error, MasterFile, Pin, Retries, ShortEfId, TokenType, Transmit,
};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;

/// A connection to a fresh `fresh` card that can be powered down and up again (all verified
/// state lost) between scenarios.
pub trait PowerCycle: Transmit {
    fn power_cycle(&mut self);
}

/// Every scenario, each starting from a power-up.
pub fn all<T: PowerCycle>(card: &mut Card<T>) {
    for (name, scenario) in [
        (
            "jpki",
            jpki_token_certificates_and_every_signing_scheme::<T> as fn(&mut Card<T>),
        ),
        (
            "kenhojo",
            kenhojo_reads_follow_the_pin_and_each_verification_code::<T>,
        ),
        ("kenmen", kenmen_reads_follow_each_key::<T>),
        ("common", common_df_and_card_level_commands::<T>),
    ] {
        eprintln!("myna-card scenario: {name}");
        card.transport_mut().power_cycle();
        scenario(card);
    }
}

pub fn pin(s: &str) -> Pin {
    Pin::new(s).unwrap()
}

/// The status word a refused call ended with.
pub fn refused<T: std::fmt::Debug>(r: myna_card::Result<T>) -> u16 {
    match r {
        Err(Error::Status(sw)) => sw.value(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The public half of a TEST key in sim/fixtures/certs (`data`: the issuer of the data files, which
/// the card's card-verifiable certificates also certify; `cv-root`: their root, not on the card;
/// `common`: the common DF's key 0019).
pub fn fixture_key(name: &str) -> RsaPublicKey {
    let der = std::fs::read(format!(
        "{}/sim/fixtures/certs/{name}-key.pk8.der",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let k = rsa::PrivateKey::from_pkcs8_der(&der)
        .unwrap()
        .to_public_key();
    RsaPublicKey {
        exponent: k.e_bytes().to_vec(),
        modulus: k.n_bytes().to_vec(),
    }
}

/// A client's PKCS#1 v1.5 SHA-256 check of `sig` over `msg` with `key`.
pub fn check(key: &RsaPublicKey, msg: &[u8], sig: &[u8]) {
    SignatureScheme::Sha256DigestInfo
        .verify(key, msg, sig)
        .expect("the signature verifies");
}

pub fn jpki_token_certificates_and_every_signing_scheme<T: PowerCycle>(card: &mut Card<T>) {
    let mut jpki = JpkiAp::select(card).unwrap();
    assert_eq!(jpki.read_token_type().unwrap(), TokenType::Card);
    let info = jpki.read_token_info().unwrap();
    assert_eq!(info.token_type, TokenType::Card);
    assert!(info.manufacturer_id.contains("TEST ONLY"));
    assert!(!info.model.is_empty() && !info.serial_number.is_empty());
    assert_eq!((info.max_pin_len, info.min_pin_len), (16, 6));
    assert!(jpki
        .read_certificate_availability()
        .unwrap()
        .has_auth_certificate());
    assert_eq!(jpki.auth_pin_retries().unwrap(), Retries::Remaining(3));
    assert_eq!(jpki.sign_pin_retries().unwrap(), Retries::Remaining(5));
    // The CA certificates the card serves are self-signed, and each is the anchor of its
    // certificate's chain (not of the other's).
    let auth = jpki.read_auth_certificate().unwrap();
    let auth_ca = jpki.read_auth_ca_certificate().unwrap();
    let sign_ca = jpki.read_sign_ca_certificate().unwrap();
    let on = Date {
        year: 2030,
        month: 1,
        day: 1,
    };
    for ca in [&auth_ca, &sign_ca] {
        assert_eq!(ca.subject(), ca.issuer());
        Certificate::verify_chain(std::slice::from_ref(ca), on).unwrap();
        ca.verify_signature(ca).unwrap();
    }
    Certificate::verify_chain(&[auth.clone(), auth_ca.clone()], on).unwrap();
    assert!(auth.verify_signature(&sign_ca).is_err());
    // A card's subject: the country and an identifier (ours also says TEST ONLY).
    let subject = auth.subject();
    assert!(
        subject.contains("C=JP") && subject.contains("CN=TESTONLY"),
        "{subject}"
    );
    // The signature certificate and both keys need their PIN.
    assert_eq!(refused(jpki.read_sign_certificate_der()), 0x6982);
    assert_eq!(
        refused(jpki.sign_with_auth_key(SignatureScheme::Sha256DigestInfo, b"x")),
        0x6982
    );
    jpki.verify_auth_pin(&pin("1234")).unwrap();
    jpki.verify_sign_pin(&pin("ABC123")).unwrap();
    let sign = jpki.read_sign_certificate().unwrap();
    Certificate::verify_chain(&[sign.clone(), sign_ca.clone()], on).unwrap();
    assert!(sign.verify_signature(&auth_ca).is_err());
    let hash = [0x5A; 32];
    for scheme in [
        SignatureScheme::Verbatim,
        SignatureScheme::Sha256Bare,
        SignatureScheme::PreHashedDigestInfo,
        SignatureScheme::Sha256DigestInfo,
        SignatureScheme::PreHashedPss,
        SignatureScheme::Sha256Pss,
    ] {
        let data: &[u8] = if matches!(
            scheme,
            SignatureScheme::PreHashedDigestInfo | SignatureScheme::PreHashedPss
        ) {
            &hash
        } else {
            b"TEST ONLY message to sign"
        };
        // The `_checked` calls verify against the certificate the card serves.
        jpki.sign_with_auth_key_checked(scheme, data)
            .unwrap_or_else(|e| panic!("{scheme:?} auth: {e}"));
        jpki.sign_with_sign_key_checked(scheme, data)
            .unwrap_or_else(|e| panic!("{scheme:?} sign: {e}"));
    }
    // EF 0009 opens to none of the holder's credentials.
    assert_eq!(refused(jpki.read_ef(0x0009)), 0x6982);
    // Only the common DF's key answers INTERNAL AUTHENTICATE; the JPKI keys refuse.
    let sfi = ShortEfId::from_ef_id(0x0017).unwrap();
    assert_eq!(
        refused(jpki.card().internal_authenticate(sfi, b"x")),
        0x6982
    );
    // A scheme the card does not know.
    let cmd = myna_card::Command::with_data_le(0x80, 0x2A, 0x06, 0x97, vec![1; 32], 256);
    assert_eq!(refused(jpki.card().call_ok(&cmd)), 0x6A86);
}

pub fn kenhojo_reads_follow_the_pin_and_each_verification_code<T: PowerCycle>(c: &mut Card<T>) {
    // The PIN opens everything.
    let mut t = TextAp::select(c).unwrap();
    assert_eq!(refused(t.read_my_number()), 0x6982);
    // The application's card-verifiable certificate (free) certifies the key that signs its
    // records.
    let cv = t.read_certificate().unwrap();
    assert_eq!(cv.public_key, fixture_key("data"));
    let issuer = cv.public_key;
    let basic = t.read_ap_basic_data().unwrap();
    assert!(basic.digest().is_some());
    assert_eq!(t.retries(text::ef::BLOCKED_0012).unwrap(), Retries::Blocked);
    t.card().select_ef(text::ef::BLOCKED_0012).unwrap();
    assert!(matches!(
        t.card().verify(&pin("1234")),
        Err(Error::PinBlocked)
    ));
    t.verify_pin(&pin("1234")).unwrap();
    let n = t.read_my_number().unwrap();
    assert_eq!(n.as_str(), "123456789018");
    let a = t.read_attributes().unwrap();
    assert_eq!(a.split_name(), Some(("試験", "花子")));
    assert_eq!(a.address, "東京都千代田区試験町１－２－３");
    assert_eq!((a.birth_date.year, a.birth_date.month), (1990, 1));
    assert_eq!(a.sex, Sex::Female);
    let physical = t.read_my_number_file().unwrap();
    let raw_attributes = t.read_ef(text::ef::ATTRIBUTES).unwrap();
    let integrity = t.read_integrity_record().unwrap();
    assert!(integrity.matches_my_number_file(&physical));
    assert!(integrity.matches_attributes_file(&raw_attributes).unwrap());
    integrity.verify(&issuer).unwrap();
    t.read_session_key_public_key().unwrap();
    let signed = t.read_signed_public_key().unwrap();
    signed.verify(&issuer).unwrap();
    assert_eq!(t.read_ef(text::ef::UNKNOWN_0008).unwrap(), [0xFF; 16]);
    // The application key signs without a credential; its public half is in EF 0007.
    let sig = t.sign(b"TEST ONLY challenge").unwrap();
    check(&signed.public_key, b"TEST ONLY challenge", &sig);

    // 照合番号A: the number and the integrity record, not the attributes.
    c.transport_mut().power_cycle();
    let mut t = TextAp::select(c).unwrap();
    t.verify_code_a(&pin("123456789018")).unwrap();
    t.read_my_number().unwrap();
    t.read_integrity_record().unwrap();
    t.read_signed_public_key().unwrap();
    assert_eq!(refused(t.read_attributes()), 0x6982);

    // 照合番号B: the attributes, not the number.
    c.transport_mut().power_cycle();
    let mut t = TextAp::select(c).unwrap();
    t.verify_code_b(&pin("02010120351234")).unwrap();
    t.read_attributes().unwrap();
    t.read_session_key_public_key().unwrap();
    assert_eq!(refused(t.read_my_number()), 0x6982);
    assert_eq!(refused(t.read_integrity_record()), 0x6982);
}

pub fn kenmen_reads_follow_each_key<T: PowerCycle>(c: &mut Card<T>) {
    // The birth-date key opens only the age record.
    c.transport_mut().power_cycle();
    let mut s = SurfaceAp::select(c).unwrap();
    let cv = s.read_certificate().unwrap();
    assert_eq!(cv.public_key, fixture_key("data"));
    let issuer = cv.public_key;
    // The application's key answers COMPUTE SIGNATURE, not INTERNAL AUTHENTICATE.
    let sfi = ShortEfId::from_ef_id(0x0001).unwrap();
    assert_eq!(refused(s.card().internal_authenticate(sfi, b"x")), 0x6985);
    let basic = s.read_ap_basic_data().unwrap();
    assert_eq!(basic.municipality_code, "13101");
    assert_eq!(refused(s.read_age_record()), 0x6982);
    s.verify_birth_date(&pin("020101")).unwrap();
    let age = s.read_age_record().unwrap();
    assert_eq!(age.birth_date.to_string(), "1990-01-01");
    age.verify(&issuer).unwrap();
    assert_eq!(refused(s.read_card_face()), 0x6982);
    assert_eq!(refused(s.read_my_number_image()), 0x6982);
    // The application key signs; its public half is in the age record.
    let sig = s.sign(b"TEST ONLY challenge").unwrap();
    check(&age.public_key, b"TEST ONLY challenge", &sig);

    // 照合番号A: the face and the number image, not the age record.
    c.transport_mut().power_cycle();
    let mut s = SurfaceAp::select(c).unwrap();
    s.verify_code_a(&pin("123456789018")).unwrap();
    let face = s.read_card_face().unwrap();
    face.verify(&issuer).unwrap();
    assert_eq!(face.expiry.to_string(), "2035-01-01");
    assert_eq!(face.photo.format, myna_card::data::ImageFormat::Jpeg2000);
    assert_eq!(face.name_image.format, myna_card::data::ImageFormat::Png);
    let image = s.read_my_number_image().unwrap();
    image.verify(&issuer).unwrap();
    assert_eq!(refused(s.read_age_record()), 0x6982);

    // 照合番号B: the face, not the number image.
    c.transport_mut().power_cycle();
    let mut s = SurfaceAp::select(c).unwrap();
    s.verify_code_b(&pin("02010120351234")).unwrap();
    s.read_card_face().unwrap();
    assert_eq!(refused(s.read_my_number_image()), 0x6982);
    assert_eq!(
        s.retries(surface::ef::BIRTH_DATE).unwrap(),
        Retries::Remaining(10)
    );
}

pub fn common_df_and_card_level_commands<T: PowerCycle>(c: &mut Card<T>) {
    let mut common = CommonAp::select(c).unwrap();
    let info = common.read_card_info().unwrap();
    assert_eq!(info.serial, "999900000000001");
    assert_eq!(info.municipality_code, "13101");
    assert_eq!(info.expiry.to_string(), "2035-01-01");
    assert_eq!(common.pin_retries().unwrap(), Retries::Remaining(3));
    // EF 0002: one record, a 16-byte key reference, the same as the Juki AP's EF 0002.
    let reference = common.read_record(0x0002, 1).unwrap();
    assert_eq!(reference.len(), 16);
    // Key 0019 signs a challenge with no credential (SHA-256, PKCS#1 v1.5).
    let sig = common
        .internal_authenticate(b"TEST ONLY challenge")
        .unwrap();
    check(&fixture_key("common"), b"TEST ONLY challenge", &sig);
    // The MF's data objects are not answered inside an application.
    assert_eq!(refused(common.card().get_data(0x00F0)), 0x6A88);
    let mut juki = JukiAp::select(c).unwrap();
    assert_eq!(juki.read_record(0x0002, 1).unwrap(), reference);
    assert_eq!(juki.pin_retries().unwrap(), Retries::Remaining(3));
    // GET CHALLENGE gives exactly the length asked.
    for n in [1u16, 8, 16, 255, 256] {
        assert_eq!(c.get_challenge(n).unwrap().len(), usize::from(n), "{n}");
    }
    // GET DATA 5F 51: the contact ATR without its 3B, also while an applet is selected.
    // (myna-card puts the 3B back and checks TCK.)
    let atr = c.contact_atr().unwrap();
    assert_eq!(atr[..2], [0x3B, 0xC5]);
    // The card manager: myna-card's way back to a clean state.
    let mut mf = MasterFile::select(c).unwrap();
    assert_eq!(mf.data_object(0x5F51).unwrap(), atr[1..]);
    // The MF's data objects.
    assert_eq!(mf.data_object(0x00F0).unwrap(), b"13101");
    assert_eq!(mf.data_object(0x00F2).unwrap(), b"20350101");
    assert_eq!(mf.data_object(0x0042).unwrap().len(), 16);
    assert!(!mf.data_object(0x0045).unwrap().is_empty());
    assert_eq!(mf.data_object(0x0066).unwrap()[0], 0x73);
    // The card-verifiable chain: root → intermediate (00F8), intermediate → the data-file
    // issuer (7F21). Its root is a TEST one, unknown to myna-card — as for a real test card.
    let chain = mf.certificate_chain().unwrap();
    assert_eq!(chain.len(), 2);
    assert!(matches!(
        CardVerifiableCertificate::verify_chain(&chain),
        Err(Error::UnknownCertificateAuthority(_))
    ));
    chain[0].verify_with(&fixture_key("cv-root")).unwrap();
    chain[1].verify_with(&chain[0].public_key).unwrap();
    assert_eq!(chain[1].issuer_key_id, chain[0].subject_key_id);
    assert_eq!(
        mf.data_object(0x00F7).unwrap(),
        chain[1].issuer_key_id.as_bytes()
    );
    assert_eq!(chain[1].public_key, fixture_key("data"));
}

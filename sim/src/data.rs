//! The card data EFs of the simulated card, built from the fixture's TEST person.
//!
//! Layouts follow what public readers of the card parse (card facts §8): the tags are [2+] or
//! \[1\] as noted; the contents a reader does not interpret (signatures, public keys, AP
//! information) are TEST ONLY placeholders, since J-LIS's real signatures cannot be made.

use super::fixture::Person;
use super::keys::{self, SimKey};
use rsa::sha2::{Digest, Sha256};

/// BER-TLV: `tag` (one or two bytes, already encoded), definite length, `value`.
fn tlv(tag: &[u8], value: &[u8]) -> Vec<u8> {
    let mut out = tag.to_vec();
    let n = value.len();
    if n < 0x80 {
        out.push(n as u8);
    } else if n <= 0xFF {
        out.extend_from_slice(&[0x81, n as u8]);
    } else {
        out.extend_from_slice(&[0x82, (n >> 8) as u8, n as u8]);
    }
    out.extend_from_slice(value);
    out
}

/// A private-class tag as the card writes it: always two bytes, `DF nn` (primitive) or `FF nn`
/// (constructed), also for numbers below 31 (`DF 11`, `FF 10`), where canonical BER would use
/// one byte (card facts §9) \[1\].
fn private(number: u8) -> [u8; 2] {
    [0xDF, number]
}

/// A private-class constructed tag (`FF 10`, `FF 20`, `FF 30`, `FF 40`).
fn private_constructed(number: u8) -> [u8; 2] {
    [0xFF, number]
}

/// An outer template whose first object is an offset table (`DF x1`): one big-endian `u16` per
/// following object, each the object's offset **from the start of the file** (the outer tag's
/// first byte) (card facts §9) [1].
fn with_offsets(outer: u8, fields: &[Vec<u8>]) -> Vec<u8> {
    let table_len = 3 + 2 * fields.len();
    let body_len = table_len + fields.iter().map(Vec::len).sum::<usize>();
    let header_len = tlv(&private_constructed(outer), &vec![0; body_len]).len() - body_len;
    let mut table = Vec::new();
    let mut at = header_len + table_len;
    for f in fields {
        table.extend_from_slice(&(at as u16).to_be_bytes());
        at += f.len();
    }
    let mut body = tlv(&private(outer + 1), &table);
    for f in fields {
        body.extend_from_slice(f);
    }
    tlv(&private_constructed(outer), &body)
}

/// JPKI EF `0006`: 160 bytes laid out like PKCS#11 `CK_TOKEN_INFO` (card facts §9) \[1\]:
/// label 32, manufacturer 32, model 16, serial 16 (space-padded text), then eleven big-endian
/// `u32` (flags, session counts, PIN lengths, memory), hardware and firmware version (2 + 2) and
/// a 16-byte time.
pub fn token_info(label: &str, person: &Person) -> Vec<u8> {
    let field = |s: &str, n: usize| {
        let mut v = s.as_bytes()[..s.len().min(n)].to_vec();
        v.resize(n, b' ');
        v
    };
    let mut out = field(label, 32);
    out.extend(field("TEST ONLY mynapin simulated card", 32));
    out.extend(field("TESTONLY", 16));
    out.extend(field(&format!("0{}", person.card_serial), 16));
    // RNG | login required | user PIN initialised | token initialised; one session, none
    // open; one read-write session, none open; PIN length 16..6; memory: not available.
    for word in [
        0x0000_040D_u32,
        1,
        0,
        1,
        0,
        16,
        6,
        u32::MAX,
        u32::MAX,
        u32::MAX,
        u32::MAX,
    ] {
        out.extend_from_slice(&word.to_be_bytes());
    }
    out.extend_from_slice(b"0101");
    out.extend(field("", 16));
    debug_assert_eq!(out.len(), 160);
    out
}

/// Kenhojo EF `0001` as stored: `FF 10 0C` + the 12 ASCII digits, then `FF` filler to the
/// file's 17 bytes (card facts §9) \[1\].
pub fn kenhojo_my_number(p: &Person) -> Vec<u8> {
    let mut out = tlv(&private_constructed(0x10), p.my_number.as_bytes());
    out.resize(17, 0xFF);
    out
}

/// Kenhojo EF `0002`: the four basic attributes, `FF 20 { DF 21 offsets, DF 22 name, DF 23
/// address, DF 24 birth date, DF 25 sex }`, text in UTF-8 (card facts §9) [2+ tags, 1 table].
pub fn kenhojo_attributes(p: &Person) -> Vec<u8> {
    with_offsets(
        0x20,
        &[
            tlv(&private(0x22), p.name.as_bytes()),
            tlv(&private(0x23), p.address.as_bytes()),
            tlv(&private(0x24), p.birth.as_bytes()),
            tlv(&private(0x25), p.sex.as_bytes()),
        ],
    )
}

/// A 16-byte key identifier: 7 digits, 2 bytes, 3 digits, 4 bytes [1]. Ours say TEST.
fn key_id(number: &str) -> Vec<u8> {
    format!("{number:0>7}TE001TEST").into_bytes()
}

/// An application's identification: specification version, extended Lc/Le support, vendor,
/// vendor-specific (4 bytes) [1]. Vendor `FF` = none (TEST ONLY).
const AP_IDENTIFICATION: [u8; 4] = [0x01, 0x00, 0xFF, 0x00];

/// Kenhojo EF `0005`, the AP basic data: `FF 40 { DF 41 identification (4), DF 42 key id (16),
/// DF 43 32-byte digest + FF filler }` (card facts §9) \[1\].
pub fn kenhojo_basic_data() -> Vec<u8> {
    let mut tail = Sha256::digest(b"TEST ONLY kenhojo AP basic data").to_vec();
    tail.resize(32 + 96, 0xFF);
    let mut body = tlv(&private(0x41), &AP_IDENTIFICATION);
    body.extend(tlv(&private(0x42), &key_id("9990002")));
    body.extend(tlv(&private(0x43), &tail));
    tlv(&private_constructed(0x40), &body)
}

/// Kenhojo EF `0003`, the integrity record: `FF 30 { DF 31 SHA-256 of EF 0001 as stored,
/// DF 32 SHA-256 of EF 0002 after its offset table, DF 33 signature }` — the signature (by the
/// TEST issuer key, PKCS#1 v1.5 SHA-256) covers the two digest objects as written \[1\].
pub fn kenhojo_integrity(p: &Person) -> Vec<u8> {
    let attributes = kenhojo_attributes(p);
    // The outer header, then the DF 21 table (3 + 8 bytes): what follows is what is hashed.
    let outer_header = match attributes[2] {
        0x81 => 4,
        0x82 => 5,
        _ => 3,
    };
    let source = &attributes[outer_header + 3 + 8..];
    let mut signed = tlv(&private(0x31), &Sha256::digest(kenhojo_my_number(p)));
    signed.extend(tlv(&private(0x32), &Sha256::digest(source)));
    let signature = keys::sign_sha256(SimKey::Data, &signed);
    let mut body = signed;
    body.extend(tlv(&private(0x33), &signature));
    tlv(&private_constructed(0x30), &body)
}

/// Kenhojo EF `0006`: the public key a terminal encrypts a session key to, `A1 { 90 e, 91 n }`
/// \[1\]. Ours is the Kenhojo application's TEST key (secure messaging is not simulated).
pub fn kenhojo_session_key() -> Vec<u8> {
    tlv(&[0xA1], &keys::public_key_tlv(SimKey::Kenhojo))
}

/// Kenhojo EF `0007`: the application's public key, signed: `FF 50 { DF 51 key, DF 52
/// signature over DF 51 as written }` \[1\].
pub fn kenhojo_signed_key() -> Vec<u8> {
    let signed = tlv(&private(0x51), &keys::public_key_tlv(SimKey::Kenhojo));
    let mut body = signed.clone();
    body.extend(tlv(
        &private(0x52),
        &keys::sign_sha256(SimKey::Data, &signed),
    ));
    tlv(&private_constructed(0x50), &body)
}

/// Kenhojo EF `0008`: sixteen `FF` bytes, purpose unknown \[1\].
pub fn kenhojo_0008() -> Vec<u8> {
    vec![0xFF; 16]
}

/// Kenmen EF `0003`, the AP basic data: `FF 30 { DF 31 identification, DF 32 key id, DF 33
/// version (1 byte), DF 34 municipality code, DF 35 key id (16) + opaque data }` \[1\].
pub fn kenmen_basic_data(p: &Person) -> Vec<u8> {
    let mut opaque = key_id(DATA_KEY_ID);
    opaque.extend_from_slice(&Sha256::digest(b"TEST ONLY kenmen reference"));
    let mut body = tlv(&private(0x31), &AP_IDENTIFICATION);
    body.extend(tlv(&private(0x32), &key_id("9990003")));
    body.extend(tlv(&private(0x33), &[0x01]));
    body.extend(tlv(&private(0x34), p.municipality_code.as_bytes()));
    body.extend(tlv(&private(0x35), &opaque));
    tlv(&private_constructed(0x30), &body)
}

/// Kenmen EF `0001`, the age record: `FF 10 { DF 11 birth date YYYYMMDD, DF 12 the
/// application's public key, DF 13 the issuer's signature over DF 11 and DF 12 as written }`
/// (card facts §9) \[1\].
pub fn kenmen_birth(p: &Person) -> Vec<u8> {
    let mut signed = tlv(&private(0x11), p.birth.as_bytes());
    signed.extend(tlv(&private(0x12), &keys::public_key_tlv(SimKey::Kenmen)));
    let mut body = signed.clone();
    body.extend(tlv(
        &private(0x13),
        &keys::sign_sha256(SimKey::Data, &signed),
    ));
    tlv(&private_constructed(0x10), &body)
}

/// Kenmen EF `0002`, the card face: `FF 20 { DF 21 offsets (9 × 2 bytes, from the start of the
/// file), DF 22 birth date, DF 23 sex, DF 24 the application's public key, DF 25 name image,
/// DF 26 address image, DF 27 photo (JPEG 2000), DF 28 signature, DF 29 expiry, DF 2A
/// security-code image }`. The signature is PKCS#1 v1.5 over a DigestInfo whose digest is the
/// three SHA-256 of (DF 22–24), (DF 25–26), (DF 27) concatenated (card facts §9) \[1\].
pub fn kenmen_face(p: &Person) -> Vec<u8> {
    let group1 = [
        tlv(&private(0x22), p.birth.as_bytes()),
        tlv(&private(0x23), p.sex.as_bytes()),
        tlv(&private(0x24), &keys::public_key_tlv(SimKey::Kenmen)),
    ];
    let group2 = [
        tlv(&private(0x25), &test_png(1)),
        tlv(&private(0x26), &test_png(2)),
    ];
    let photo = tlv(&private(0x27), TEST_PHOTO_JP2);
    let mut digests = Vec::new();
    digests.extend(Sha256::digest(group1.concat()));
    digests.extend(Sha256::digest(group2.concat()));
    digests.extend(Sha256::digest(&photo));
    let signature = keys::sign_scheme(SimKey::Data, 0x00, &digest_info_of(&digests))
        .expect("a 96-byte DigestInfo fits a 2048-bit key");
    let mut fields: Vec<Vec<u8>> = group1.into_iter().chain(group2).collect();
    fields.push(photo);
    fields.push(tlv(&private(0x28), &signature));
    fields.push(tlv(&private(0x29), p.card_expiry.as_bytes()));
    fields.push(tlv(&private(0x2A), &test_png(4)));
    with_offsets(0x20, &fields)
}

/// A SHA-256 DigestInfo around `digest`, whatever its length (the card face signs 96 bytes).
fn digest_info_of(digest: &[u8]) -> Vec<u8> {
    let algorithm = [
        0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
    ];
    let mut inner = algorithm.to_vec();
    inner.extend(tlv(&[0x04], digest));
    tlv(&[0x30], &inner)
}

/// Kenmen EF `0005`: `FF 40 { DF 41 image of the number, DF 42 the application's public key,
/// DF 43 the issuer's signature over DF 41 and DF 42 as written }` \[1\].
pub fn kenmen_my_number(_p: &Person) -> Vec<u8> {
    let mut signed = tlv(&private(0x41), &test_png(5));
    signed.extend(tlv(&private(0x42), &keys::public_key_tlv(SimKey::Kenmen)));
    let mut body = signed.clone();
    body.extend(tlv(
        &private(0x43),
        &keys::sign_sha256(SimKey::Data, &signed),
    ));
    tlv(&private_constructed(0x40), &body)
}

/// The key identifiers of the card-verifiable chain (ours; 16 bytes as [`key_id`]).
pub const CV_ROOT_ID: &str = "9990010";
/// The intermediate's.
pub const CV_MID_ID: &str = "9990011";
/// The data-file issuer's.
pub const DATA_KEY_ID: &str = "9990001";

/// A card-verifiable certificate's contents (what GET DATA returns; an EF holds them inside a
/// `7F 21` template): `5F 4E` body of 297 bytes — issuer key id (16), subject key id (16), the
/// certified public key `90 03 e 91 82 01 00 n` — then `5F 37` the issuer's PKCS#1 v1.5
/// SHA-256 signature over the body (card facts §9) \[1\].
pub fn cv_certificate_contents(issuer: (&str, SimKey), subject: (&str, SimKey)) -> Vec<u8> {
    let mut body = key_id(issuer.0);
    body.extend(key_id(subject.0));
    body.extend(keys::public_key_tlv(subject.1));
    debug_assert_eq!(body.len(), 297);
    let signature = keys::sign_sha256(issuer.1, &body);
    let mut out = tlv(&[0x5F, 0x4E], &body);
    out.extend(tlv(&[0x5F, 0x37], &signature));
    out
}

/// An application's EF `0004`: `7F 21 { … }`, the intermediate certifying the data-file issuer
/// whose signatures are on that application's records \[1\].
pub fn ap_cv_certificate() -> Vec<u8> {
    tlv(
        &[0x7F, 0x21],
        &cv_certificate_contents((CV_MID_ID, SimKey::CvMid), (DATA_KEY_ID, SimKey::Data)),
    )
}

/// The MF's data objects for GET DATA `00 CA P1 P2` (card facts §9) \[1\]; `None`: not one.
pub fn mf_data_object(tag: u16, p: &Person) -> Option<Vec<u8>> {
    Some(match tag {
        // Issuer identification: a 16-byte key reference.
        0x0042 => key_id("9990000"),
        // Card identification number, ASCII (ours: the serial).
        0x0045 => p.card_serial.as_bytes().to_vec(),
        // GlobalPlatform card recognition data: `73 { 06 gp-rid OID, 60 { 06 GP version } }`.
        0x0066 => {
            let rid = [0x06, 0x07, 0x2A, 0x86, 0x48, 0x86, 0xFC, 0x6B, 0x01];
            let version = [
                0x06, 0x0A, 0x2A, 0x86, 0x48, 0x86, 0xFC, 0x6B, 0x02, 0x02, 0x02, 0x01,
            ];
            tlv(&[0x73], &[&rid[..], &tlv(&[0x60], &version)].concat())
        }
        0x00F0 => p.municipality_code.as_bytes().to_vec(),
        0x00F2 => p.card_expiry.as_bytes().to_vec(),
        // The intermediate's key id, then the chain: root → intermediate, intermediate → the
        // data-file issuer; both as the template's contents.
        0x00F7 => key_id(CV_MID_ID),
        0x00F8 => cv_certificate_contents((CV_ROOT_ID, SimKey::CvRoot), (CV_MID_ID, SimKey::CvMid)),
        0x7F21 => cv_certificate_contents((CV_MID_ID, SimKey::CvMid), (DATA_KEY_ID, SimKey::Data)),
        _ => return None,
    })
}

/// Common DF and Juki EF `0002`, record 1: a 16-byte key reference, the same in both \[1\];
/// which key it names is not known. Ours is a TEST key id.
pub fn shared_key_reference() -> Vec<u8> {
    key_id("9990020")
}

/// Common DF EF `0001`, record 1: a SIMPLE-TLV record `01 1C` + 28 ASCII digits: serial (15),
/// municipality code (5), expiry `YYYYMMDD` (card facts §9) [2+ serial, 1 layout].
pub fn common_record(p: &Person) -> Vec<u8> {
    let mut v = vec![0x01, 0x1C];
    v.extend_from_slice(p.card_serial.as_bytes());
    v.extend_from_slice(p.municipality_code.as_bytes());
    v.extend_from_slice(p.card_expiry.as_bytes());
    v
}

/// The face photo: a small JPEG 2000 (JP2) file of a generated TEST pattern, made by
/// `tools/testimages.sh` (openjpeg's `opj_compress`).
static TEST_PHOTO_JP2: &[u8] = include_bytes!("../fixtures/images/photo.jp2");

/// A 16×16 PNG, 1-bit greyscale as the card's rendered text fields are \[1\], with a pattern
/// chosen by `variant`: a small, valid TEST image.
pub fn test_png(variant: u8) -> Vec<u8> {
    const W: usize = 16;
    let mut raw = Vec::with_capacity(W * (1 + W / 8));
    for y in 0..W {
        raw.push(0); // filter: none
        for byte in 0..W / 8 {
            let mut bits = 0u8;
            for bit in 0..8 {
                let x = byte * 8 + bit;
                let on = match variant % 3 {
                    0 => (x / 4 + y / 4) % 2 == 0,
                    1 => x == y || x + y == W - 1,
                    _ => x == 0 || y == 0 || x == W - 1 || y == W - 1,
                };
                // 0 is black: the pattern is drawn black on white.
                if !on {
                    bits |= 0x80 >> bit;
                }
            }
            raw.push(bits);
        }
    }
    // zlib, one stored (uncompressed) deflate block.
    let mut z = vec![0x78, 0x01, 0x01];
    let n = raw.len() as u16;
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&(!n).to_le_bytes());
    z.extend_from_slice(&raw);
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(W as u32).to_be_bytes());
    ihdr.extend_from_slice(&(W as u32).to_be_bytes());
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]); // 1-bit greyscale
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    for (kind, data) in [(b"IHDR", &ihdr[..]), (b"IDAT", &z[..]), (b"IEND", &[][..])] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(data);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    png
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &d in data {
        a = (a + u32::from(d)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &d in data {
        crc ^= u32::from(d);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_helpers_hold() {
        // Known CRC-32 and Adler-32 values.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(&test_png(3)[..4], &[0x89, b'P', b'N', b'G']);
    }
}

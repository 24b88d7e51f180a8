//! Byte structure of every data file of the simulated card, checked against the layouts in
//! docs/card-facts.md §9 (written from the public evidence, not from the card's generator): tags
//! in their two-byte form, order, lengths, offsets from the start of the file, encodings.

use mynapin_sim::{Fixture, SimCard};

const KENHOJO: &str = "D3 92 10 00 31 00 01 01 04 08";
const KENMEN: &str = "D3 92 10 00 31 00 01 01 04 02";
const JPKI: &str = "D3 92 F0 00 26 01 00 00 00 01";
const COMMON: &str = "D3 92 10 00 31 00 01 01 01 00";

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn ok(card: &mut SimCard, apdu: &[u8]) -> Vec<u8> {
    let r = card.process(apdu);
    assert_eq!(r[r.len() - 2..], [0x90, 0x00], "{apdu:02X?}");
    r[..r.len() - 2].to_vec()
}

/// Selects `df`, presents `key` = `value` (if any), reads EF `ef` whole (READ BINARY to the end).
fn read(df: &str, key: Option<(u8, &str)>, ef: u8) -> Vec<u8> {
    let mut card = SimCard::new(Fixture::fresh());
    ok(&mut card, &[hex("00 A4 04 0C 0A"), hex(df)].concat());
    if let Some((k, v)) = key {
        ok(&mut card, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, k]);
        ok(
            &mut card,
            &[&[0x00, 0x20, 0x00, 0x80, v.len() as u8], v.as_bytes()].concat(),
        );
    }
    ok(&mut card, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, ef]);
    let mut out = Vec::new();
    loop {
        let off = out.len() as u16;
        let r = card.process(&[0x00, 0xB0, (off >> 8) as u8, off as u8, 0x00]);
        if r == [0x6B, 0x00] {
            return out;
        }
        assert_eq!(r[r.len() - 2..], [0x90, 0x00]);
        out.extend_from_slice(&r[..r.len() - 2]);
    }
}

/// One object: its two-byte tag, where it starts in the file, its value.
#[derive(Debug)]
struct Obj {
    tag: [u8; 2],
    at: usize,
    value: Vec<u8>,
}

/// The length of a BER definite length at `b`, and how many bytes it took.
fn length(b: &[u8]) -> (usize, usize) {
    match b[0] {
        n @ 0..=0x7F => (usize::from(n), 1),
        0x81 => (usize::from(b[1]), 2),
        0x82 => (usize::from(u16::from_be_bytes([b[1], b[2]])), 3),
        x => panic!("length form {x:02X}"),
    }
}

/// The outer object (two-byte tag `outer`) and the objects inside it, up to filler.
fn objects(file: &[u8], outer: [u8; 2]) -> (usize, Vec<Obj>) {
    assert_eq!(file[..2], outer, "outer tag");
    let (len, n) = length(&file[2..]);
    let start = 2 + n;
    assert!(start + len <= file.len());
    let mut at = start;
    let mut out = Vec::new();
    while at < start + len && file[at] != 0x00 && file[at] != 0xFF {
        let tag = [file[at], file[at + 1]];
        assert_eq!(tag[0], 0xDF, "a primitive private tag in its two-byte form");
        let (l, n) = length(&file[at + 2..]);
        out.push(Obj {
            tag,
            at,
            value: file[at + 2 + n..at + 2 + n + l].to_vec(),
        });
        at += 2 + n + l;
    }
    (start + len, out)
}

fn tags(objs: &[Obj]) -> Vec<u8> {
    objs.iter().map(|o| o.tag[1]).collect()
}

/// An offset table: one big-endian u16 per following object, from the start of the file.
fn check_offsets(objs: &[Obj]) {
    let table = &objs[0].value;
    assert_eq!(table.len(), 2 * (objs.len() - 1));
    for (i, o) in objs[1..].iter().enumerate() {
        let declared = usize::from(u16::from_be_bytes([table[2 * i], table[2 * i + 1]]));
        assert_eq!(declared, o.at, "offset {i} of DF {:02X}", objs[0].tag[1]);
    }
}

fn public_key(v: &[u8]) {
    assert_eq!(v[0], 0x90, "exponent first");
    let e = usize::from(v[1]);
    assert_eq!(
        v[2 + e..2 + e + 4],
        [0x91, 0x82, 0x01, 0x00],
        "a 2048-bit modulus"
    );
    assert_eq!(v.len(), 2 + e + 4 + 256);
}

fn key_id(v: &[u8]) {
    assert_eq!(v.len(), 16);
    assert!(v[..7].iter().all(u8::is_ascii_digit) && v[9..12].iter().all(u8::is_ascii_digit));
}

fn date(v: &[u8]) {
    assert!(v.len() == 8 && v.iter().all(u8::is_ascii_digit), "{v:02X?}");
}

#[test]
fn kenhojo_files() {
    // 0001: FF 10 0C + 12 digits, filler to 17 bytes.
    let n = read(KENHOJO, Some((0x11, "1234")), 0x01);
    assert_eq!(n.len(), 17);
    assert_eq!(n[..3], [0xFF, 0x10, 0x0C]);
    assert!(n[3..15].iter().all(u8::is_ascii_digit));
    // 0002: FF 20 { DF 21 offsets, DF 22..DF 25 }, UTF-8, U+3000, full-width digits.
    let a = read(KENHOJO, Some((0x11, "1234")), 0x02);
    let (_, objs) = objects(&a, [0xFF, 0x20]);
    assert_eq!(tags(&objs), [0x21, 0x22, 0x23, 0x24, 0x25]);
    check_offsets(&objs);
    let name = String::from_utf8(objs[1].value.clone()).unwrap();
    assert!(name.contains('\u{3000}') && !name.contains(' '), "{name}");
    let address = String::from_utf8(objs[2].value.clone()).unwrap();
    assert!(!address.bytes().any(|b| b.is_ascii_digit()), "{address}");
    assert!(address
        .chars()
        .any(|c| ('\u{FF10}'..='\u{FF19}').contains(&c)));
    date(&objs[3].value);
    assert_eq!(objs[4].value.len(), 1);
    // 0003: FF 30 { DF 31 32-byte digest, DF 32 32-byte digest, DF 33 256-byte signature }.
    let i = read(KENHOJO, Some((0x11, "1234")), 0x03);
    let (_, objs) = objects(&i, [0xFF, 0x30]);
    assert_eq!(tags(&objs), [0x31, 0x32, 0x33]);
    assert_eq!(
        objs.iter().map(|o| o.value.len()).collect::<Vec<_>>(),
        [32, 32, 256]
    );
    // 0005 (free): FF 40 { DF 41 4 bytes, DF 42 key id, DF 43 32 bytes + FF filler }.
    let b = read(KENHOJO, None, 0x05);
    let (_, objs) = objects(&b, [0xFF, 0x40]);
    assert_eq!(tags(&objs), [0x41, 0x42, 0x43]);
    assert_eq!(objs[0].value.len(), 4);
    key_id(&objs[1].value);
    assert!(objs[2].value.len() >= 32 && objs[2].value[32..].iter().all(|&b| b == 0xFF));
    // 0006: A1 { 90, 91 }; 0007: FF 50 { DF 51 key, DF 52 signature }; 0008: 16 × FF.
    let s = read(KENHOJO, Some((0x11, "1234")), 0x06);
    assert_eq!(s[..4], [0xA1, 0x82, 0x01, 0x09]);
    public_key(&s[4..]);
    let k = read(KENHOJO, Some((0x11, "1234")), 0x07);
    let (_, objs) = objects(&k, [0xFF, 0x50]);
    assert_eq!(tags(&objs), [0x51, 0x52]);
    public_key(&objs[0].value);
    assert_eq!(objs[1].value.len(), 256);
    assert_eq!(read(KENHOJO, None, 0x08), [0xFF; 16]);
}

#[test]
fn kenmen_files() {
    // 0001: FF 10 { DF 11 date, DF 12 key, DF 13 signature } after the birth-date key.
    let r = read(KENMEN, Some((0x11, "020101")), 0x01);
    let (_, objs) = objects(&r, [0xFF, 0x10]);
    assert_eq!(tags(&objs), [0x11, 0x12, 0x13]);
    date(&objs[0].value);
    public_key(&objs[1].value);
    assert_eq!(objs[2].value.len(), 256);
    // 0002: FF 20 with an 18-byte offset table and nine objects; JPEG 2000 photo.
    let f = read(KENMEN, Some((0x13, "123456789018")), 0x02);
    let (_, objs) = objects(&f, [0xFF, 0x20]);
    assert_eq!(
        tags(&objs),
        [0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A]
    );
    assert_eq!(objs[0].value.len(), 18);
    check_offsets(&objs);
    date(&objs[1].value);
    public_key(&objs[3].value);
    for png in [4, 5, 9] {
        assert_eq!(objs[png].value[..8], *b"\x89PNG\r\n\x1a\n");
        assert_eq!(objs[png].value[12..16], *b"IHDR");
        assert_eq!(objs[png].value[24..26], [1, 0], "1-bit greyscale");
    }
    assert_eq!(
        objs[6].value[..12],
        *b"\x00\x00\x00\x0CjP  \r\n\x87\n",
        "JP2"
    );
    assert_eq!(objs[7].value.len(), 256);
    date(&objs[8].value);
    // 0003 (free): FF 30 { DF 31 4, DF 32 key id, DF 33 1, DF 34 5 digits, DF 35 key id + … }.
    let b = read(KENMEN, None, 0x03);
    let (_, objs) = objects(&b, [0xFF, 0x30]);
    assert_eq!(tags(&objs), [0x31, 0x32, 0x33, 0x34, 0x35]);
    assert_eq!((objs[0].value.len(), objs[2].value.len()), (4, 1));
    key_id(&objs[1].value);
    assert!(objs[3].value.len() == 5 && objs[3].value.iter().all(u8::is_ascii_digit));
    key_id(&objs[4].value[..16]);
    // 0005: FF 40 { DF 41 image, DF 42 key, DF 43 signature } after 照合番号A.
    let m = read(KENMEN, Some((0x13, "123456789018")), 0x05);
    let (_, objs) = objects(&m, [0xFF, 0x40]);
    assert_eq!(tags(&objs), [0x41, 0x42, 0x43]);
    public_key(&objs[1].value);
    assert_eq!(objs[2].value.len(), 256);
}

#[test]
fn jpki_token_info_and_common_record() {
    let t = read(JPKI, None, 0x06);
    assert_eq!(t.len(), 160);
    assert_eq!(t[..32], *b"JPKIAPICCTOKEN2                 ");
    for field in [&t[32..64], &t[64..80], &t[80..96]] {
        assert!(
            std::str::from_utf8(field).is_ok() && field[0] != b' ',
            "{field:02X?}"
        );
    }
    let word = |o: usize| u32::from_be_bytes(t[o..o + 4].try_into().unwrap());
    assert_eq!((word(116), word(120)), (16, 6), "PIN lengths");

    let mut card = SimCard::new(Fixture::fresh());
    ok(&mut card, &[hex("00 A4 04 0C 0A"), hex(COMMON)].concat());
    ok(&mut card, &hex("00 A4 02 0C 02 00 01"));
    let r = ok(&mut card, &hex("00 B2 01 04 00"));
    assert_eq!(r[..2], [0x01, 0x1C]);
    assert_eq!(r.len(), 30);
    assert!(r[2..].iter().all(u8::is_ascii_digit));
    assert_eq!(ok(&mut card, &hex("00 B2 01 0C 00")), r);
    // EF 0002 of the common DF and of the Juki AP: one record, the same 16-byte key reference.
    ok(&mut card, &hex("00 A4 02 0C 02 00 02"));
    let k = ok(&mut card, &hex("00 B2 01 04 00"));
    key_id(&k);
    ok(
        &mut card,
        &hex("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01"),
    );
    ok(&mut card, &hex("00 A4 02 0C 02 00 02"));
    assert_eq!(ok(&mut card, &hex("00 B2 01 04 00")), k);
}

/// A card-verifiable certificate's contents: `5F 4E` 297-byte body (two key ids, a public key)
/// then `5F 37` a 256-byte signature.
fn cv_contents(c: &[u8]) {
    assert_eq!(c[..5], [0x5F, 0x4E, 0x82, 0x01, 0x29], "body of 297 bytes");
    key_id(&c[5..21]);
    key_id(&c[21..37]);
    public_key(&c[37..302]);
    assert_eq!(c[302..307], [0x5F, 0x37, 0x82, 0x01, 0x00]);
    assert_eq!(c.len(), 307 + 256);
}

#[test]
fn card_verifiable_certificates_and_mf_data_objects() {
    // Each application's EF 0004, free: the contents inside a 7F 21 template.
    for df in [KENHOJO, KENMEN] {
        let c = read(df, None, 0x04);
        assert_eq!(c[..4], [0x7F, 0x21, 0x82, 0x02]);
        cv_contents(&c[5..]);
    }
    // GET DATA at MF level; the certificates without their template, in the extended form.
    let mut card = SimCard::new(Fixture::fresh());
    let get = |card: &mut SimCard, tag: &str, ext: bool| {
        let le = if ext { "00 00 00" } else { "00" };
        card.process(&hex(&format!("00 CA {tag} {le}")))
    };
    for tag in ["00 F8", "7F 21"] {
        assert_eq!(get(&mut card, tag, false), [0x67, 0x00], "{tag}: short");
        let r = get(&mut card, tag, true);
        assert_eq!(r[r.len() - 2..], [0x90, 0x00]);
        cv_contents(&r[..r.len() - 2]);
    }
    let ok_get = |card: &mut SimCard, tag: &str| {
        let r = get(card, tag, false);
        assert_eq!(r[r.len() - 2..], [0x90, 0x00], "{tag}");
        r[..r.len() - 2].to_vec()
    };
    key_id(&ok_get(&mut card, "00 42"));
    key_id(&ok_get(&mut card, "00 F7"));
    let m = ok_get(&mut card, "00 F0");
    assert!(m.len() == 5 && m.iter().all(u8::is_ascii_digit));
    date(&ok_get(&mut card, "00 F2"));
    assert!(ok_get(&mut card, "00 45").is_ascii());
    assert_eq!(ok_get(&mut card, "00 66")[0], 0x73);
    // 5F 51: the ATR without TS, whose last byte is the XOR of the others (TCK).
    let atr = ok_get(&mut card, "5F 51");
    assert_ne!(atr[0], 0x3B);
    assert_eq!(atr.iter().fold(0, |a, b| a ^ b), 0);
}

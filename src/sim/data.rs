//! The card data EFs of the simulated card, built from the fixture's TEST person.
//!
//! Layouts follow what public readers of the card parse (card facts §8): the tags are [2+] or
//! \[1\] as noted; the contents a reader does not interpret (signatures, public keys, AP
//! information) are TEST ONLY placeholders, since J-LIS's real signatures cannot be made.

use super::fixture::Person;

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

/// A private-class primitive tag: numbers below 31 in one byte (`DF 21` needs two).
fn private(number: u8) -> Vec<u8> {
    if number < 0x1F {
        vec![0xC0 | number]
    } else {
        vec![0xDF, number]
    }
}

/// A private-class constructed tag (`FF 20`, `FF 40`).
fn private_constructed(number: u8) -> Vec<u8> {
    if number < 0x1F {
        vec![0xE0 | number]
    } else {
        vec![0xFF, number]
    }
}

/// A placeholder where the real card holds J-LIS data that cannot be simulated.
fn placeholder(what: &str, len: usize) -> Vec<u8> {
    let mut v = format!("TEST ONLY {what}").into_bytes();
    v.resize(len, 0);
    v
}

/// JPKI EF `0006`: 160 bytes, a PKCS#11 `CK_TOKEN_INFO`-like structure whose first 32 bytes
/// are the space-padded label \[1\]; the rest (manufacturer 32, model 16, serial 16, then
/// numbers) is filled the same way [?].
pub fn token_info(label: &str, person: &Person) -> Vec<u8> {
    let field = |s: &str, n: usize| {
        let mut v = s.as_bytes()[..s.len().min(n)].to_vec();
        v.resize(n, b' ');
        v
    };
    let mut out = field(label, 32);
    out.extend(field("TEST ONLY simulated card", 32));
    out.extend(field("mynapin sim", 16));
    out.extend(field(&person.card_serial, 16));
    out.resize(160, 0);
    out
}

/// Kenhojo EF `0001`: the individual number, private tag 16, 12 ASCII digits [1: myna], then
/// `FF` padding to the 17 bytes `myna` reads [?].
pub fn kenhojo_my_number(p: &Person) -> Vec<u8> {
    let mut out = tlv(&private(0x10), p.my_number.as_bytes());
    out.resize(17, 0xFF);
    out
}

/// Kenhojo EF `0002`: the four basic attributes, `FF 20 { DF 21 header, DF 22 name,
/// DF 23 address, DF 24 birth date, DF 25 sex }` [2+: myna, jsapdu]. The header's content is
/// not interpreted by readers; here: the offsets of the four fields [?].
pub fn kenhojo_attributes(p: &Person) -> Vec<u8> {
    let fields = [
        tlv(&private(0x22), p.name.as_bytes()),
        tlv(&private(0x23), p.address.as_bytes()),
        tlv(&private(0x24), p.birth.as_bytes()),
        tlv(&private(0x25), p.sex.as_bytes()),
    ];
    let mut header = Vec::new();
    let mut at = 0usize;
    for f in &fields {
        header.extend_from_slice(&(at as u16).to_be_bytes());
        at += f.len();
    }
    let mut body = tlv(&private(0x21), &header);
    for f in fields {
        body.extend(f);
    }
    tlv(&private_constructed(0x20), &body)
}

/// Kenhojo EF `0005` / Kenmen EF `0003`: AP information, readable without a PIN [2+ that it
/// is readable]; its content is unknown: a TEST ONLY marker [?].
pub fn ap_info(ap: &[u8]) -> Vec<u8> {
    let mut v = b"TEST ONLY ".to_vec();
    v.extend_from_slice(ap);
    tlv(&private(0x01), &v)
}

/// Kenmen EF `0001`: `FF 10 { DF 11 birth date, DF 12 public key, DF 13 signature }` \[1\].
pub fn kenmen_birth(p: &Person) -> Vec<u8> {
    let mut body = tlv(&private(0x11), p.birth.as_bytes());
    body.extend(tlv(&private(0x12), &placeholder("public key", 32)));
    body.extend(tlv(&private(0x13), &placeholder("signature", 32)));
    tlv(&private_constructed(0x10), &body)
}

/// Kenmen EF `0002`, the card face: `FF 20 { DF 21 header, DF 22 birth date, DF 23 sex,
/// DF 24 public key, DF 25 name image, DF 26 address image, DF 27 face photo, DF 28 signature,
/// DF 29 expiry, DF 2A security-code image }` [1: jsapdu]. The real card holds JPEG 2000 for
/// the photo; the simulated card holds small generated TEST PNG images.
pub fn kenmen_face(p: &Person) -> Vec<u8> {
    let mut body = tlv(&private(0x21), &[0; 4]);
    body.extend(tlv(&private(0x22), p.birth.as_bytes()));
    body.extend(tlv(&private(0x23), p.sex.as_bytes()));
    body.extend(tlv(&private(0x24), &placeholder("public key", 32)));
    body.extend(tlv(&private(0x25), &test_png(1)));
    body.extend(tlv(&private(0x26), &test_png(2)));
    body.extend(tlv(&private(0x27), &test_png(3)));
    body.extend(tlv(&private(0x28), &placeholder("signature", 32)));
    body.extend(tlv(&private(0x29), p.card_expiry.as_bytes()));
    body.extend(tlv(&private(0x2A), &test_png(4)));
    tlv(&private_constructed(0x20), &body)
}

/// Kenmen EF `0005`: `FF 40 { DF 41 image of the number, DF 42 public key, DF 43 signature }`
/// [1: jsapdu].
pub fn kenmen_my_number(_p: &Person) -> Vec<u8> {
    let mut body = tlv(&private(0x41), &test_png(5));
    body.extend(tlv(&private(0x42), &placeholder("public key", 32)));
    body.extend(tlv(&private(0x43), &placeholder("signature", 32)));
    tlv(&private_constructed(0x40), &body)
}

/// Common DF record 1 of SFI 1: serial (15), municipality code (5), expiry `YYYYMMDD` — the
/// fields are \[1\]; the layout (plain ASCII, in that order) is a guess [?].
pub fn common_record(p: &Person) -> Vec<u8> {
    let mut v = p.card_serial.as_bytes().to_vec();
    v.extend_from_slice(p.municipality_code.as_bytes());
    v.extend_from_slice(p.card_expiry.as_bytes());
    v
}

/// A 16×16 grey PNG with a pattern chosen by `variant`: a small, valid TEST image.
pub fn test_png(variant: u8) -> Vec<u8> {
    const W: usize = 16;
    let mut raw = Vec::with_capacity(W * (W + 1));
    for y in 0..W {
        raw.push(0); // filter: none
        for x in 0..W {
            let on = match variant % 3 {
                0 => (x / 4 + y / 4) % 2 == 0,
                1 => x == y || x + y == W - 1,
                _ => x == 0 || y == 0 || x == W - 1 || y == W - 1,
            };
            raw.push(if on { 0x20 } else { 0xE0 });
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
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale
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
    fn layouts_hold() {
        let p = Person::default();
        let n = kenhojo_my_number(&p);
        assert_eq!(n.len(), 17);
        assert_eq!(&n[..2], &[0xD0, 12]);
        assert_eq!(&n[2..14], p.my_number.as_bytes());
        let a = kenhojo_attributes(&p);
        assert_eq!(&a[..2], &[0xFF, 0x20]);
        let name = [&[0xDF, 0x22, p.name.len() as u8][..], p.name.as_bytes()].concat();
        assert!(a.windows(name.len()).any(|w| w == name));
        assert_eq!(token_info("JPKIAPICCTOKEN2", &p).len(), 160);
        assert_eq!(common_record(&p).len(), 28);
        // Known CRC-32 and Adler-32 values.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(&test_png(3)[..4], &[0x89, b'P', b'N', b'G']);
    }
}

//! Benchmark helper (not a test): median round trip of the non-consuming counter query
//! through PC/SC. Usage: `apdu_rtt READER N` — prints `median_us p90_us`.
//! Used by scripts/bench.sh against a simulated card served through vpcd.

use std::ffi::CString;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reader = CString::new(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "mynapin vpcd 00 00".into()),
    )
    .unwrap();
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let ctx = pcsc::Context::establish(pcsc::Scope::User).expect("pcscd");
    let mut card = ctx
        .connect(&reader, pcsc::ShareMode::Exclusive, pcsc::Protocols::ANY)
        .expect("card");
    let tx = card.transaction().expect("transaction");
    let mut buf = [0u8; 258];
    // SELECT JPKI, then SELECT EF 0018, then time the 4-byte counter query.
    for apdu in [
        &[
            0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00,
            0x01,
        ][..],
        &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18][..],
    ] {
        tx.transmit(apdu, &mut buf).expect("select");
    }
    let mut times: Vec<u128> = (0..n)
        .map(|_| {
            let t0 = Instant::now();
            let r = tx
                .transmit(&[0x00, 0x20, 0x00, 0x80], &mut buf)
                .expect("query");
            assert_eq!(r.len(), 2);
            t0.elapsed().as_micros()
        })
        .collect();
    drop(tx);
    times.sort_unstable();
    println!("{} {}", times[n / 2], times[n * 9 / 10]);
}

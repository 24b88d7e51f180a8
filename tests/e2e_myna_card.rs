//! The simulated card through the real PC/SC stack, read by a third-party client: `myna-card`
//! (its `pcsc` transport) runs every scenario of tests/myna_scenarios against one card served by
//! `mynapin sim serve` on slot 1 — every read, every signing scheme, the application keys, each
//! signature verified, the refusals a card gives.
//!
//! Needs a private pcscd with a vpcd reader, which `scripts/test-all.sh` starts; a plain
//! `cargo test` lists the test as ignored, with the reason.

use myna_card::transport::pcsc::{connect, PcscTransport, Sharing};

mod common;
mod myna_scenarios;
use common::e2e::{one_at_a_time, var};
use common::Served;
use myna_scenarios::PowerCycle;

impl PowerCycle for PcscTransport {
    fn power_cycle(&mut self) {
        PcscTransport::power_cycle(self).expect("the card powers down and up again");
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn myna_card_reads_signs_and_is_refused_as_on_a_card() {
    let _one = one_at_a_time();
    let (reader, port) = (var("VPCD_READER1"), var("VPCD_PORT1"));
    // One card for every scenario; each starts from a power-up.
    let _card = Served::on(&reader, &port, "fresh", &[]);
    let mut card = connect(&reader, Sharing::Exclusive).expect("myna-card connects");
    myna_scenarios::all(&mut card);
}

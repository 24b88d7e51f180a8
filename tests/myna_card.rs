//! The simulated card read by a third-party client: the `myna-card` crate, whose parsers were
//! written and tested against a real JPKI test card (tests/myna_scenarios). In-process, through
//! myna-card's `Transmit` over `SimCard` — the card `sim serve` puts behind pcscd
//! (tests/e2e_myna_card.rs runs the same scenarios through pcscd).

use myna_card::{Card, Transmit};
use mynapin_sim::{Fixture, SimCard};

mod myna_scenarios;
use myna_scenarios::PowerCycle;

struct Sim(SimCard);

impl Transmit for Sim {
    fn transmit(&mut self, command: &[u8]) -> myna_card::Result<Vec<u8>> {
        Ok(self.0.process(command))
    }
}

impl PowerCycle for Sim {
    fn power_cycle(&mut self) {
        self.0.power_off();
    }
}

fn card() -> Card<Sim> {
    Card::new(Sim(SimCard::new(Fixture::fresh())))
}

#[test]
fn jpki_token_certificates_and_every_signing_scheme() {
    myna_scenarios::jpki_token_certificates_and_every_signing_scheme(&mut card());
}

#[test]
fn kenhojo_reads_follow_the_pin_and_each_verification_code() {
    myna_scenarios::kenhojo_reads_follow_the_pin_and_each_verification_code(&mut card());
}

#[test]
fn kenmen_reads_follow_each_key() {
    myna_scenarios::kenmen_reads_follow_each_key(&mut card());
}

#[test]
fn common_df_and_card_level_commands() {
    myna_scenarios::common_df_and_card_level_commands(&mut card());
}

#[test]
fn all_in_a_row_on_one_card() {
    myna_scenarios::all(&mut card());
}

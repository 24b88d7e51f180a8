//! What to do when a PIN cannot simply be changed: the national kiosk/counter rules
//! (`docs/procedures.md`, each rule with its public sources in [`national`]). This module
//! decides; the CLI words it.
//!
//! National rules (J-LIS), the same in every city:
//! * the two JPKI PINs can be reset at a convenience-store kiosk when the *other* JPKI PIN is
//!   known and not blocked (after a reservation in the JPKI PIN-reset app, within 24 hours);
//! * the kenhojo and juki PINs can only be reset at the city office counter;
//! * the counter can always reset any PIN.

pub mod documents;
pub mod first_step;
pub mod from_card;
pub mod guide;
pub mod national;
pub mod profile;

use crate::layout::PinId;

/// A way to get a PIN working again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Change it at home with this tool (current PIN known, not blocked).
    Home,
    /// Convenience-store kiosk (multi-copy machine) after reserving in the JPKI reset app.
    Kiosk,
    /// The city office counter.
    Counter,
}

/// Whether the kiosk can reset `pin`, given whether the partner PIN is usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskRule {
    /// The kiosk never resets this PIN (kenhojo, juki).
    NotForThisPin,
    /// Possible if the resident knows `partner` (the other JPKI PIN), which is not blocked.
    NeedsPartner {
        /// The PIN that must be entered at the kiosk.
        partner: PinId,
    },
    /// Impossible: the partner PIN is blocked too.
    PartnerBlocked {
        /// The blocked partner PIN.
        partner: PinId,
    },
}

/// The other JPKI PIN, whose knowledge opens the kiosk route (procedures.md, kiosk rule 3).
pub fn kiosk_partner(pin: PinId) -> Option<PinId> {
    match pin {
        PinId::Sign => Some(PinId::Auth),
        PinId::Auth => Some(PinId::Sign),
        PinId::Kenhojo | PinId::Juki => None,
    }
}

/// The kiosk rule for `pin`; `partner_blocked` is what the card's counters say (None when
/// unknown).
pub fn kiosk_rule(pin: PinId, partner_blocked: Option<bool>) -> KioskRule {
    match kiosk_partner(pin) {
        None => KioskRule::NotForThisPin,
        Some(partner) if partner_blocked == Some(true) => KioskRule::PartnerBlocked { partner },
        Some(partner) => KioskRule::NeedsPartner { partner },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_kiosk_rules() {
        assert_eq!(
            kiosk_rule(PinId::Sign, Some(false)),
            KioskRule::NeedsPartner {
                partner: PinId::Auth
            }
        );
        assert_eq!(
            kiosk_rule(PinId::Auth, Some(true)),
            KioskRule::PartnerBlocked {
                partner: PinId::Sign
            }
        );
        assert_eq!(
            kiosk_rule(PinId::Kenhojo, Some(false)),
            KioskRule::NotForThisPin
        );
        assert_eq!(kiosk_rule(PinId::Juki, None), KioskRule::NotForThisPin);
    }
}

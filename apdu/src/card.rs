//! A card that answers APDUs in the same process: the seam between a client's in-process
//! transport and a simulated card, so that neither crate depends on the other.

/// Something that answers command APDUs the way a card in a reader does.
///
/// A simulated card implements it; a client's in-process transport drives it. The bytes are
/// whole APDUs: a command in ISO/IEC 7816-4 encoding, a response with its status word last
/// (an empty response is what a reader gives when the card died mid-command).
pub trait ApduCard {
    /// Processes one command APDU and returns the response APDU.
    fn process(&mut self, command: &[u8]) -> Vec<u8>;

    /// The card loses power (removed, or the reader powers it down): every security state
    /// it held (verified PINs, the selected applet) is gone.
    fn power_off(&mut self);
}

//! A simulated PC/SC v2 part 10 PIN-pad reader, as a pcsc-lite IFD handler (driver), for
//! mynapin's end-to-end tests only: it is never built for or installed on a user's machine.
//!
//! pcscd loads it from a reader.conf entry (`scripts/pcscd-vpcd.sh --pinpad` writes one):
//!
//! ```text
//! FRIENDLYNAME "mynapin pinpad"
//! DEVICENAME   port=35990:keypad=/tmp/dir/keypad
//! LIBPATH      /path/to/target/debug/libmynapin_pinpad_ifd.so
//! ```
//!
//! * the card side speaks the vpcd protocol: the reader listens on 127.0.0.1:PORT and
//!   `mynapin sim serve --vpcd 127.0.0.1:PORT` is its card (`card`);
//! * the keypad reads scripted entries — digits, `cancel`, `timeout`, one a line — from the
//!   file or FIFO named by `keypad=` (`keypad`);
//! * `SCardControl` answers part 10 feature discovery and carries out `VERIFY_PIN_DIRECT` /
//!   `MODIFY_PIN_DIRECT`, validating each structure as libccid and a CCID reader would, with
//!   a parser of its own (`pinblock`, `reader`).
//!
//! Every entry point pcsc-lite 1.9 binds is exported: `IFDHCreateChannelByName` (its presence
//! makes pcscd treat the driver as IFD handler 3.0), `IFDHCreateChannel` (bound too, and used
//! without a DEVICENAME: the channel number is then the port, with no keypad),
//! `IFDHCloseChannel`, `IFDHGetCapabilities`, `IFDHSetCapabilities`,
//! `IFDHSetProtocolParameters`, `IFDHPowerICC`, `IFDHTransmitToICC`, `IFDHICCPresence`,
//! `IFDHControl`. Each runs inside `catch_unwind`: a panic answers `IFD_COMMUNICATION_ERROR`
//! instead of unwinding into pcscd. Readers are kept per LUN; pcscd serializes the calls of a
//! reader, and each reader has a lock of its own, so the driver is thread safe across readers.
//!
//! This is the only crate of the workspace with `unsafe` code: the raw pointers pcscd passes.
#![deny(unsafe_op_in_unsafe_fn)]
// A pcsc-lite reader driver: it exists for Linux's pcscd only (the tests' simulated PIN pad).
#![cfg(target_os = "linux")]

mod card;
mod config;
mod consts;
mod keypad;
mod pinblock;
mod reader;

use consts::*;
use std::collections::HashMap;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

type Shared = Arc<Mutex<reader::Reader>>;

fn readers() -> MutexGuard<'static, HashMap<Dword, Shared>> {
    static READERS: OnceLock<Mutex<HashMap<Dword, Shared>>> = OnceLock::new();
    READERS
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

fn with_reader(lun: Dword, f: impl FnOnce(&mut reader::Reader) -> ResponseCode) -> ResponseCode {
    let Some(shared) = readers().get(&lun).cloned() else {
        return IFD_COMMUNICATION_ERROR;
    };
    let mut r = shared.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut r)
}

/// Runs an entry point; a panic becomes `IFD_COMMUNICATION_ERROR`.
fn guarded(f: impl FnOnce() -> ResponseCode) -> ResponseCode {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(IFD_COMMUNICATION_ERROR)
}

fn open(lun: Dword, cfg: config::Config) -> ResponseCode {
    let slot = match card::CardSlot::listen(cfg.port) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "mynapin-pinpad-ifd: cannot listen on 127.0.0.1:{}: {e}",
                cfg.port
            );
            return IFD_COMMUNICATION_ERROR;
        }
    };
    let keypad = match &cfg.keypad {
        None => keypad::Keypad::none(),
        Some(p) => match keypad::Keypad::open(p) {
            Ok(k) => k,
            Err(e) => {
                eprintln!(
                    "mynapin-pinpad-ifd: cannot open keypad {}: {e}",
                    p.display()
                );
                return IFD_COMMUNICATION_ERROR;
            }
        },
    };
    eprintln!(
        "mynapin-pinpad-ifd: reader LUN 0x{lun:X}: card on 127.0.0.1:{}, keypad {}",
        cfg.port,
        cfg.keypad
            .as_deref()
            .map_or("none (entries time out)".into(), |p| p
                .display()
                .to_string())
    );
    let r = reader::Reader::new(slot, keypad);
    readers().insert(lun, Arc::new(Mutex::new(r)));
    IFD_SUCCESS
}

/// Opens the reader described by `DEVICENAME` (see `config`).
///
/// # Safety
/// `device_name` is null or a NUL-terminated string valid for the call (pcscd passes its
/// reader.conf value).
#[no_mangle]
pub unsafe extern "C" fn IFDHCreateChannelByName(
    lun: Dword,
    device_name: *const c_char,
) -> ResponseCode {
    guarded(|| {
        if device_name.is_null() {
            return IFD_COMMUNICATION_ERROR;
        }
        // SAFETY: non-null and NUL-terminated per this function's contract.
        let name = unsafe { CStr::from_ptr(device_name) }
            .to_string_lossy()
            .into_owned();
        match config::Config::parse(&name) {
            Ok(cfg) => open(lun, cfg),
            Err(e) => {
                eprintln!("mynapin-pinpad-ifd: DEVICENAME {name:?}: {e}");
                IFD_COMMUNICATION_ERROR
            }
        }
    })
}

/// Opens a reader without a DEVICENAME: the channel number is the card's TCP port, and there
/// is no keypad (every entry times out).
#[no_mangle]
pub extern "C" fn IFDHCreateChannel(lun: Dword, channel: Dword) -> ResponseCode {
    guarded(|| match u16::try_from(channel) {
        Ok(port) if port > 0 => open(lun, config::Config { port, keypad: None }),
        _ => IFD_COMMUNICATION_ERROR,
    })
}

#[no_mangle]
pub extern "C" fn IFDHCloseChannel(lun: Dword) -> ResponseCode {
    guarded(|| {
        let Some(shared) = readers().remove(&lun) else {
            return IFD_COMMUNICATION_ERROR;
        };
        let mut r = shared.lock().unwrap_or_else(|e| e.into_inner());
        let _ = r.slot.power_off();
        IFD_SUCCESS
    })
}

/// Writes `value` to pcscd's buffer of `*length` bytes and sets `*length`.
///
/// # Safety
/// `length` and `value` are null or valid, `value` for `*length` bytes.
unsafe fn put(length: *mut Dword, value: *mut u8, bytes: &[u8]) -> ResponseCode {
    if length.is_null() || value.is_null() {
        return IFD_COMMUNICATION_ERROR;
    }
    // SAFETY: `length` is non-null and valid per the contract.
    let cap = unsafe { *length };
    if Dword::try_from(bytes.len()).map_or(true, |n| n > cap) {
        // SAFETY: as above.
        unsafe { *length = 0 };
        return IFD_ERROR_INSUFFICIENT_BUFFER;
    }
    // SAFETY: `value` holds `cap` ≥ `bytes.len()` bytes and does not overlap our slice.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), value, bytes.len());
        *length = bytes.len() as Dword;
    }
    IFD_SUCCESS
}

/// # Safety
/// `length` and `value` are null or valid pointers, `value` to `*length` bytes (pcscd's
/// contract for `IFDHGetCapabilities`).
#[no_mangle]
pub unsafe extern "C" fn IFDHGetCapabilities(
    lun: Dword,
    tag: Dword,
    length: *mut Dword,
    value: *mut u8,
) -> ResponseCode {
    guarded(|| {
        let answer: Vec<u8> = match tag {
            TAG_IFD_ATR | SCARD_ATTR_ATR_STRING => {
                let mut atr = None;
                let rc = with_reader(lun, |r| {
                    atr = r.slot.atr();
                    IFD_SUCCESS
                });
                match (rc, atr) {
                    (IFD_SUCCESS, Some(a)) => a,
                    _ => return IFD_COMMUNICATION_ERROR,
                }
            }
            TAG_IFD_SLOTS_NUMBER => vec![1],
            // Each reader has its own lock: calls to different readers may run at once.
            TAG_IFD_THREAD_SAFE => vec![1],
            TAG_IFD_SLOT_THREAD_SAFE => vec![0],
            TAG_IFD_SIMULTANEOUS_ACCESS => vec![16],
            SCARD_ATTR_VENDOR_NAME => b"mynapin (simulated)".to_vec(),
            SCARD_ATTR_VENDOR_IFD_TYPE => b"simulated PIN pad".to_vec(),
            _ => return IFD_ERROR_TAG,
        };
        // SAFETY: forwarded from this function's contract.
        unsafe { put(length, value, &answer) }
    })
}

/// Nothing can be set.
///
/// # Safety
/// No pointer is read.
#[no_mangle]
pub unsafe extern "C" fn IFDHSetCapabilities(
    _lun: Dword,
    _tag: Dword,
    _length: Dword,
    _value: *mut u8,
) -> ResponseCode {
    IFD_NOT_SUPPORTED
}

/// The simulated card speaks T=1 at any speed: accepted, nothing to do.
#[no_mangle]
pub extern "C" fn IFDHSetProtocolParameters(
    _lun: Dword,
    _protocol: Dword,
    _flags: u8,
    _pts1: u8,
    _pts2: u8,
    _pts3: u8,
) -> ResponseCode {
    IFD_SUCCESS
}

/// # Safety
/// `atr` and `atr_length` are null or valid, `atr` for `*atr_length` bytes.
#[no_mangle]
pub unsafe extern "C" fn IFDHPowerICC(
    lun: Dword,
    action: Dword,
    atr: *mut u8,
    atr_length: *mut Dword,
) -> ResponseCode {
    guarded(|| {
        let mut got = None;
        let rc = with_reader(lun, |r| {
            let done = match action {
                IFD_POWER_UP => r.slot.power_on(),
                IFD_RESET => r.slot.reset(),
                // Like vpcd, leave the ATR length as it is on power down.
                IFD_POWER_DOWN => {
                    return r
                        .slot
                        .power_off()
                        .map_or(IFD_COMMUNICATION_ERROR, |_| IFD_SUCCESS)
                }
                _ => return IFD_NOT_SUPPORTED,
            };
            got = done.and_then(|_| r.slot.atr());
            IFD_SUCCESS
        });
        if rc != IFD_SUCCESS || action == IFD_POWER_DOWN {
            return rc;
        }
        match got {
            // SAFETY: forwarded from this function's contract.
            Some(a) => unsafe { put(atr_length, atr, &a) },
            None => {
                if !atr_length.is_null() {
                    // SAFETY: non-null and valid per the contract.
                    unsafe { *atr_length = 0 };
                }
                IFD_COMMUNICATION_ERROR
            }
        }
    })
}

/// `SCARD_IO_HEADER`, passed by value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ScardIoHeader {
    pub protocol: Dword,
    pub length: Dword,
}

/// # Safety
/// `tx` is valid for `tx_length` bytes; `rx_length`, `rx` (for `*rx_length` bytes) and
/// `recv_pci` are null or valid.
#[no_mangle]
pub unsafe extern "C" fn IFDHTransmitToICC(
    lun: Dword,
    _send_pci: ScardIoHeader,
    tx: *const u8,
    tx_length: Dword,
    rx: *mut u8,
    rx_length: *mut Dword,
    recv_pci: *mut ScardIoHeader,
) -> ResponseCode {
    guarded(|| {
        if tx.is_null() || rx_length.is_null() {
            return IFD_COMMUNICATION_ERROR;
        }
        let Ok(n) = usize::try_from(tx_length) else {
            return IFD_COMMUNICATION_ERROR;
        };
        // SAFETY: `tx` is non-null and valid for `tx_length` bytes per the contract.
        let apdu = unsafe { std::slice::from_raw_parts(tx, n) };
        let mut resp = None;
        let rc = with_reader(lun, |r| {
            resp = r.slot.transmit(apdu);
            IFD_SUCCESS
        });
        let Some(resp) = resp.filter(|_| rc == IFD_SUCCESS) else {
            // SAFETY: non-null and valid per the contract.
            unsafe { *rx_length = 0 };
            return IFD_COMMUNICATION_ERROR;
        };
        if !recv_pci.is_null() {
            // SAFETY: non-null and valid per the contract.
            unsafe { (*recv_pci).protocol = 1 };
        }
        // SAFETY: forwarded from this function's contract.
        let rc = unsafe { put(rx_length, rx, &resp) };
        if rc != IFD_SUCCESS {
            IFD_COMMUNICATION_ERROR
        } else {
            rc
        }
    })
}

#[no_mangle]
pub extern "C" fn IFDHICCPresence(lun: Dword) -> ResponseCode {
    guarded(|| {
        let mut present = false;
        let rc = with_reader(lun, |r| {
            present = r.slot.atr().is_some();
            IFD_SUCCESS
        });
        match (rc, present) {
            (IFD_SUCCESS, true) => IFD_ICC_PRESENT,
            (IFD_SUCCESS, false) => IFD_ICC_NOT_PRESENT,
            (rc, _) => rc,
        }
    })
}

/// # Safety
/// `tx` is null or valid for `tx_length` bytes; `rx` is null or valid for `rx_length` bytes;
/// `bytes_returned` is null or valid.
#[no_mangle]
pub unsafe extern "C" fn IFDHControl(
    lun: Dword,
    control_code: Dword,
    tx: *const u8,
    tx_length: Dword,
    rx: *mut u8,
    rx_length: Dword,
    bytes_returned: *mut Dword,
) -> ResponseCode {
    guarded(|| {
        if bytes_returned.is_null() {
            return IFD_COMMUNICATION_ERROR;
        }
        // SAFETY: non-null and valid per the contract. Zero unless we succeed.
        unsafe { *bytes_returned = 0 };
        let (Ok(code), Ok(n), Ok(cap)) = (
            u32::try_from(control_code),
            usize::try_from(tx_length),
            usize::try_from(rx_length),
        ) else {
            return IFD_ERROR_NOT_SUPPORTED;
        };
        let input: &[u8] = if tx.is_null() || n == 0 {
            &[]
        } else {
            // SAFETY: non-null and valid for `tx_length` bytes per the contract.
            unsafe { std::slice::from_raw_parts(tx, n) }
        };
        let mut out = None;
        let rc = with_reader(lun, |r| match r.control(code, input, cap) {
            Ok(v) => {
                out = Some(v);
                IFD_SUCCESS
            }
            Err(rc) => rc,
        });
        let Some(out) = out.filter(|_| rc == IFD_SUCCESS) else {
            return rc;
        };
        if out.is_empty() {
            return IFD_SUCCESS;
        }
        if rx.is_null() || out.len() > cap {
            return IFD_ERROR_INSUFFICIENT_BUFFER;
        }
        // SAFETY: `rx` holds `cap` ≥ `out.len()` bytes; `bytes_returned` checked above.
        unsafe {
            std::ptr::copy_nonoverlapping(out.as_ptr(), rx, out.len());
            *bytes_returned = out.len() as Dword;
        }
        IFD_SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_does_not_unwind_out_of_an_entry_point() {
        let rc = guarded(|| panic!("test panic"));
        assert_eq!(rc, IFD_COMMUNICATION_ERROR);
    }

    #[test]
    fn entry_points_through_the_c_interface() {
        // A port that was free a moment ago.
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = free.local_addr().unwrap().port();
        drop(free);
        let cfg = std::ffi::CString::new(format!("port={port}")).unwrap();
        let lun: Dword = 0x00AB_0000;
        // SAFETY: a valid C string.
        assert_eq!(
            unsafe { IFDHCreateChannelByName(lun, cfg.as_ptr()) },
            IFD_SUCCESS
        );
        assert_eq!(
            readers().get(&lun).unwrap().lock().unwrap().slot.port(),
            port
        );
        assert_eq!(IFDHICCPresence(lun), IFD_ICC_NOT_PRESENT);
        let _seen = card::fake::connect(port, |_| vec![0x90, 0x00]);
        assert_eq!(IFDHICCPresence(lun), IFD_ICC_PRESENT);
        let mut atr = [0u8; 33];
        let mut len: Dword = 33;
        // SAFETY: valid buffers.
        let rc = unsafe { IFDHPowerICC(lun, IFD_POWER_UP, atr.as_mut_ptr(), &mut len) };
        assert_eq!(rc, IFD_SUCCESS);
        assert_eq!(&atr[..len as usize], card::fake::ATR);
        let apdu = [0x00u8, 0xA4, 0x04, 0x0C];
        let mut rx = [0u8; 258];
        let mut rx_len: Dword = 258;
        let mut pci = ScardIoHeader {
            protocol: 0,
            length: 0,
        };
        // SAFETY: valid buffers.
        let rc = unsafe {
            IFDHTransmitToICC(
                lun,
                ScardIoHeader {
                    protocol: 1,
                    length: 8,
                },
                apdu.as_ptr(),
                4,
                rx.as_mut_ptr(),
                &mut rx_len,
                &mut pci,
            )
        };
        assert_eq!((rc, rx_len, &rx[..2]), (IFD_SUCCESS, 2, &[0x90, 0x00][..]));
        let mut returned: Dword = 99;
        // SAFETY: valid buffers.
        let rc = unsafe {
            IFDHControl(
                lun,
                CM_IOCTL_GET_FEATURE_REQUEST as Dword,
                std::ptr::null(),
                0,
                rx.as_mut_ptr(),
                258,
                &mut returned,
            )
        };
        assert_eq!((rc, returned), (IFD_SUCCESS, 24));
        let mut one = [0u8; 1];
        let mut one_len: Dword = 1;
        // SAFETY: valid buffers.
        let rc = unsafe {
            IFDHGetCapabilities(lun, TAG_IFD_SLOTS_NUMBER, &mut one_len, one.as_mut_ptr())
        };
        assert_eq!((rc, one[0]), (IFD_SUCCESS, 1));
        // SAFETY: valid buffers.
        let rc = unsafe { IFDHGetCapabilities(lun, 0x7777, &mut one_len, one.as_mut_ptr()) };
        assert_eq!(rc, IFD_ERROR_TAG);
        assert_eq!(IFDHCloseChannel(lun), IFD_SUCCESS);
        assert_eq!(IFDHICCPresence(lun), IFD_COMMUNICATION_ERROR);
        assert_eq!(IFDHCreateChannel(lun + 1, 0), IFD_COMMUNICATION_ERROR);
    }
}

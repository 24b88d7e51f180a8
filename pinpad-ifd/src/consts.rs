//! The pcsc-lite constants this handler uses, from `ifdhandler.h` and `reader.h` (pcsc-lite
//! 1.9, Linux). A unit test parses the installed headers and checks every value here.

use std::ffi::{c_long, c_ulong};

/// `DWORD` in pcsc-lite on Linux is `unsigned long` (64 bits on amd64/arm64).
pub type Dword = c_ulong;
/// `RESPONSECODE` is `long`.
pub type ResponseCode = c_long;

pub const IFD_SUCCESS: ResponseCode = 0;
pub const IFD_ERROR_TAG: ResponseCode = 600;
pub const IFD_ERROR_NOT_SUPPORTED: ResponseCode = 606;
pub const IFD_COMMUNICATION_ERROR: ResponseCode = 612;
pub const IFD_NOT_SUPPORTED: ResponseCode = 614;
pub const IFD_ICC_PRESENT: ResponseCode = 615;
pub const IFD_ICC_NOT_PRESENT: ResponseCode = 616;
pub const IFD_ERROR_INSUFFICIENT_BUFFER: ResponseCode = 618;

pub const IFD_POWER_UP: Dword = 500;
pub const IFD_POWER_DOWN: Dword = 501;
pub const IFD_RESET: Dword = 502;

pub const TAG_IFD_ATR: Dword = 0x0303;
pub const TAG_IFD_SLOT_THREAD_SAFE: Dword = 0x0FAC;
pub const TAG_IFD_THREAD_SAFE: Dword = 0x0FAD;
pub const TAG_IFD_SLOTS_NUMBER: Dword = 0x0FAE;
pub const TAG_IFD_SIMULTANEOUS_ACCESS: Dword = 0x0FAF;

/// `SCARD_ATTR_VALUE(SCARD_CLASS_ICC_STATE, 0x0303)`.
pub const SCARD_ATTR_ATR_STRING: Dword = 0x0009_0303;
/// `SCARD_ATTR_VALUE(SCARD_CLASS_VENDOR_INFO, 0x0100)`.
pub const SCARD_ATTR_VENDOR_NAME: Dword = 0x0001_0100;
/// `SCARD_ATTR_VALUE(SCARD_CLASS_VENDOR_INFO, 0x0101)`.
pub const SCARD_ATTR_VENDOR_IFD_TYPE: Dword = 0x0001_0101;

/// `SCARD_CTL_CODE(code)` as `reader.h` defines it: `0x42000000 + code`.
pub const fn scard_ctl_code(code: u32) -> u32 {
    0x4200_0000 + code
}

/// `CM_IOCTL_GET_FEATURE_REQUEST` = `SCARD_CTL_CODE(3400)`.
pub const CM_IOCTL_GET_FEATURE_REQUEST: u32 = scard_ctl_code(3400);

pub const FEATURE_VERIFY_PIN_DIRECT: u8 = 0x06;
pub const FEATURE_MODIFY_PIN_DIRECT: u8 = 0x07;
pub const FEATURE_IFD_PIN_PROPERTIES: u8 = 0x0A;
pub const FEATURE_GET_TLV_PROPERTIES: u8 = 0x12;

pub const PROPERTY_W_LCD_LAYOUT: u8 = 1;
pub const PROPERTY_B_ENTRY_VALIDATION_CONDITION: u8 = 2;
pub const PROPERTY_B_TIMEOUT2: u8 = 3;
pub const PROPERTY_B_MIN_PIN_SIZE: u8 = 6;
pub const PROPERTY_B_MAX_PIN_SIZE: u8 = 7;
pub const PROPERTY_S_FIRMWARE_ID: u8 = 8;
pub const PROPERTY_B_PPDU_SUPPORT: u8 = 9;
pub const PROPERTY_DW_MAX_APDU_DATA_SIZE: u8 = 10;
pub const PROPERTY_W_ID_VENDOR: u8 = 11;
pub const PROPERTY_W_ID_PRODUCT: u8 = 12;

/// The control code of a feature, chosen the way libccid chooses it:
/// `SCARD_CTL_CODE(feature + 0x330000)`. (Only the reader picks these; a client must use the
/// codes the feature list returns.)
pub const fn feature_control_code(feature: u8) -> u32 {
    scard_ctl_code(0x33_0000 + feature as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// `#define NAME VALUE` lines of a header, the value's comment stripped.
    fn defines(path: &str) -> HashMap<String, String> {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("{path}: {e} — install libpcsclite-dev (scripts/test-all.sh does)")
        });
        let mut out = HashMap::new();
        for line in text.lines() {
            let line = line.trim_start();
            let Some(rest) = line.strip_prefix("#define") else {
                continue;
            };
            let rest = rest.trim_start();
            let name_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let (name, value) = rest.split_at(name_end);
            let value = value.split("/*").next().unwrap_or("").trim();
            out.insert(name.to_string(), value.to_string());
        }
        out
    }

    /// Evaluates the few forms these headers use: numbers, other names, `(x)`, `a + b`,
    /// `((ULONG)(x))`, `SCARD_CTL_CODE(x)` and `SCARD_ATTR_VALUE(class, tag)`.
    fn eval(defs: &HashMap<String, String>, expr: &str) -> u64 {
        let e = expr.trim().replace("(ULONG)", "").replace("(DWORD)", "");
        let e = e.trim();
        if let Some(h) = e.strip_prefix("0x").or_else(|| e.strip_prefix("0X")) {
            if let Ok(v) = u64::from_str_radix(h, 16) {
                return v;
            }
        }
        if let Ok(v) = e.parse::<u64>() {
            return v;
        }
        if let Some(arg) = e
            .strip_prefix("SCARD_CTL_CODE(")
            .and_then(|a| a.strip_suffix(')'))
        {
            // Check the macro itself is what we assume.
            assert_eq!(
                defs.get("SCARD_CTL_CODE").map(String::as_str),
                Some("(code) (0x42000000 + (code))")
            );
            return 0x4200_0000 + eval(defs, arg);
        }
        if let Some(args) = e
            .strip_prefix("SCARD_ATTR_VALUE(")
            .and_then(|a| a.strip_suffix(')'))
        {
            let (class, tag) = args.split_once(',').unwrap();
            return (eval(defs, class) << 16) | eval(defs, tag);
        }
        if e.starts_with('(') && e.ends_with(')') {
            return eval(defs, &e[1..e.len() - 1]);
        }
        if let Some((a, b)) = e.split_once('+') {
            return eval(defs, a) + eval(defs, b);
        }
        let v = defs
            .get(e)
            .unwrap_or_else(|| panic!("cannot evaluate {e:?}"));
        eval(defs, v)
    }

    #[test]
    fn constants_match_the_installed_pcsclite_headers() {
        let mut defs = defines("/usr/include/PCSC/ifdhandler.h");
        defs.extend(defines("/usr/include/PCSC/reader.h"));
        let v = |name: &str| {
            let raw = defs
                .get(name)
                .unwrap_or_else(|| panic!("{name} not defined in the headers"));
            eval(&defs, raw)
        };
        let codes: [(&str, ResponseCode); 8] = [
            ("IFD_SUCCESS", IFD_SUCCESS),
            ("IFD_ERROR_TAG", IFD_ERROR_TAG),
            ("IFD_ERROR_NOT_SUPPORTED", IFD_ERROR_NOT_SUPPORTED),
            ("IFD_COMMUNICATION_ERROR", IFD_COMMUNICATION_ERROR),
            ("IFD_NOT_SUPPORTED", IFD_NOT_SUPPORTED),
            ("IFD_ICC_PRESENT", IFD_ICC_PRESENT),
            ("IFD_ICC_NOT_PRESENT", IFD_ICC_NOT_PRESENT),
            (
                "IFD_ERROR_INSUFFICIENT_BUFFER",
                IFD_ERROR_INSUFFICIENT_BUFFER,
            ),
        ];
        for (name, ours) in codes {
            assert_eq!(v(name) as ResponseCode, ours, "{name}");
        }
        let dwords: [(&str, Dword); 11] = [
            ("IFD_POWER_UP", IFD_POWER_UP),
            ("IFD_POWER_DOWN", IFD_POWER_DOWN),
            ("IFD_RESET", IFD_RESET),
            ("TAG_IFD_ATR", TAG_IFD_ATR),
            ("TAG_IFD_SLOT_THREAD_SAFE", TAG_IFD_SLOT_THREAD_SAFE),
            ("TAG_IFD_THREAD_SAFE", TAG_IFD_THREAD_SAFE),
            ("TAG_IFD_SLOTS_NUMBER", TAG_IFD_SLOTS_NUMBER),
            ("TAG_IFD_SIMULTANEOUS_ACCESS", TAG_IFD_SIMULTANEOUS_ACCESS),
            ("SCARD_ATTR_ATR_STRING", SCARD_ATTR_ATR_STRING),
            ("SCARD_ATTR_VENDOR_NAME", SCARD_ATTR_VENDOR_NAME),
            ("SCARD_ATTR_VENDOR_IFD_TYPE", SCARD_ATTR_VENDOR_IFD_TYPE),
        ];
        for (name, ours) in dwords {
            assert_eq!(v(name) as Dword, ours, "{name}");
        }
        assert_eq!(
            v("CM_IOCTL_GET_FEATURE_REQUEST"),
            u64::from(CM_IOCTL_GET_FEATURE_REQUEST)
        );
        let bytes: [(&str, u8); 14] = [
            ("FEATURE_VERIFY_PIN_DIRECT", FEATURE_VERIFY_PIN_DIRECT),
            ("FEATURE_MODIFY_PIN_DIRECT", FEATURE_MODIFY_PIN_DIRECT),
            ("FEATURE_IFD_PIN_PROPERTIES", FEATURE_IFD_PIN_PROPERTIES),
            ("FEATURE_GET_TLV_PROPERTIES", FEATURE_GET_TLV_PROPERTIES),
            ("PCSCv2_PART10_PROPERTY_wLcdLayout", PROPERTY_W_LCD_LAYOUT),
            (
                "PCSCv2_PART10_PROPERTY_bEntryValidationCondition",
                PROPERTY_B_ENTRY_VALIDATION_CONDITION,
            ),
            ("PCSCv2_PART10_PROPERTY_bTimeOut2", PROPERTY_B_TIMEOUT2),
            (
                "PCSCv2_PART10_PROPERTY_bMinPINSize",
                PROPERTY_B_MIN_PIN_SIZE,
            ),
            (
                "PCSCv2_PART10_PROPERTY_bMaxPINSize",
                PROPERTY_B_MAX_PIN_SIZE,
            ),
            ("PCSCv2_PART10_PROPERTY_sFirmwareID", PROPERTY_S_FIRMWARE_ID),
            (
                "PCSCv2_PART10_PROPERTY_bPPDUSupport",
                PROPERTY_B_PPDU_SUPPORT,
            ),
            (
                "PCSCv2_PART10_PROPERTY_dwMaxAPDUDataSize",
                PROPERTY_DW_MAX_APDU_DATA_SIZE,
            ),
            ("PCSCv2_PART10_PROPERTY_wIdVendor", PROPERTY_W_ID_VENDOR),
            ("PCSCv2_PART10_PROPERTY_wIdProduct", PROPERTY_W_ID_PRODUCT),
        ];
        for (name, ours) in bytes {
            assert_eq!(v(name), u64::from(ours), "{name}");
        }
    }

    #[test]
    fn dword_is_the_platform_unsigned_long() {
        // pcsc-lite's wintypes.h: `typedef unsigned long DWORD;` on Linux.
        let wintypes = std::fs::read_to_string("/usr/include/PCSC/wintypes.h").unwrap();
        assert!(wintypes.contains("typedef unsigned long DWORD;"));
        assert_eq!(std::mem::size_of::<Dword>(), std::mem::size_of::<c_ulong>());
    }

    #[test]
    fn feature_codes_are_libccid_style() {
        assert_eq!(CM_IOCTL_GET_FEATURE_REQUEST, 0x4200_0D48);
        assert_eq!(feature_control_code(FEATURE_VERIFY_PIN_DIRECT), 0x4233_0006);
        assert_eq!(
            feature_control_code(FEATURE_GET_TLV_PROPERTIES),
            0x4233_0012
        );
    }
}

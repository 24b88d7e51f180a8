//! The reader's configuration, from the `DEVICENAME` of its reader.conf entry.
//!
//! pcsc-lite's reader.conf lexer accepts unquoted words of letters, digits and `=\/-._@:`
//! only (a `;` is a syntax error, and quotes are kept in the value), so the fields are
//! separated by `:` (a `;` is accepted too, for a DEVICENAME given some other way):
//!
//! ```text
//! DEVICENAME port=35990:keypad=/tmp/run/keypad
//! ```
//!
//! * `port=N` — the TCP port on 127.0.0.1 where the simulated card (`mynapin sim serve
//!   --vpcd 127.0.0.1:N`) connects. Required.
//! * `keypad=PATH` — the file or FIFO of scripted keypad entries. Optional (without it every
//!   PIN entry times out). It must come last: the path runs to the end of the string, so it
//!   may itself contain `:`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub port: u16,
    pub keypad: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    NoPort,
    BadPort(String),
    UnknownField(String),
    EmptyKeypad,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NoPort => write!(f, "DEVICENAME has no port=N field"),
            ConfigError::BadPort(p) => write!(f, "port {p:?} is not a TCP port (1-65535)"),
            ConfigError::UnknownField(x) => {
                write!(
                    f,
                    "unknown DEVICENAME field {x:?} (known: port=N, keypad=PATH)"
                )
            }
            ConfigError::EmptyKeypad => write!(f, "keypad= names no path"),
        }
    }
}

impl Config {
    pub fn parse(device: &str) -> Result<Config, ConfigError> {
        let mut port = None;
        let mut keypad = None;
        let mut rest = device.trim();
        while !rest.is_empty() {
            if let Some(path) = rest.strip_prefix("keypad=") {
                if path.is_empty() {
                    return Err(ConfigError::EmptyKeypad);
                }
                keypad = Some(std::path::PathBuf::from(path));
                break;
            }
            let end = rest.find([':', ';']).unwrap_or(rest.len());
            let field = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            if let Some(p) = field.strip_prefix("port=") {
                match p.parse::<u16>() {
                    Ok(n) if n > 0 => port = Some(n),
                    _ => return Err(ConfigError::BadPort(p.to_string())),
                }
            } else if !field.is_empty() {
                return Err(ConfigError::UnknownField(field.to_string()));
            }
        }
        Ok(Config {
            port: port.ok_or(ConfigError::NoPort)?,
            keypad,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_port_and_keypad() {
        let c = Config::parse("port=35990:keypad=/tmp/a:b/keypad").unwrap();
        assert_eq!(c.port, 35990);
        assert_eq!(
            c.keypad.as_deref(),
            Some(std::path::Path::new("/tmp/a:b/keypad"))
        );
        let c = Config::parse("port=1;keypad=/k").unwrap();
        assert_eq!((c.port, c.keypad.unwrap()), (1, "/k".into()));
        assert_eq!(Config::parse("port=2").unwrap().keypad, None);
    }

    #[test]
    fn refuses_bad_configs() {
        assert_eq!(Config::parse("keypad=/k"), Err(ConfigError::NoPort));
        assert_eq!(Config::parse(""), Err(ConfigError::NoPort));
        assert_eq!(
            Config::parse("port=0"),
            Err(ConfigError::BadPort("0".into()))
        );
        assert_eq!(
            Config::parse("port=70000"),
            Err(ConfigError::BadPort("70000".into()))
        );
        assert_eq!(
            Config::parse("/dev/null:0x8C7B"),
            Err(ConfigError::UnknownField("/dev/null".into()))
        );
        assert_eq!(
            Config::parse("port=5:keypad="),
            Err(ConfigError::EmptyKeypad)
        );
    }
}

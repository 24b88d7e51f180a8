//! `mynapin-app`: the window. Options (for developers and help desks; a resident starts it
//! from the menu): `--sim[=NAME]` runs it on the built-in simulated card, `--reader TEXT`
//! picks a reader by part of its name, `--lang ja|en` overrides the saved language.
//!
//! `MYNAPIN_APP_TIMING=1` (for measuring start-up, docs/app.md "Speed"): the app prints
//! `mynapin-app: first frame after N ms (unix ms T)` to stderr once its first frame has been
//! laid out — N counted from the start of `main`, T the wall clock, to compare with the time
//! the process was launched — and then closes its window.
#![forbid(unsafe_code)]
// No console window behind the app on Windows.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use mynapin_app::{settings, App, Opener};
use mynapin_core::transport::pcsc::ReaderSelector;
use mynapin_words::Lang;
use std::sync::{Arc, OnceLock};

struct Args {
    sim: Option<Option<String>>,
    reader: Option<String>,
    lang: Option<Lang>,
}

fn usage() -> ! {
    eprintln!(
        "usage: mynapin-app [--sim[=NAME]] [--reader TEXT] [--lang ja|en]\n\
         --sim[=NAME]   the built-in simulated card (NAME: a fixture of `mynapin sim fixtures`)\n\
         --reader TEXT  the reader whose name contains TEXT\n\
         --lang ja|en   the language (default: the saved one, else the system's)"
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut a = Args {
        sim: None,
        reader: None,
        lang: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sim" => a.sim = Some(None),
            s if s.starts_with("--sim=") => a.sim = Some(Some(s["--sim=".len()..].to_string())),
            "--reader" => a.reader = Some(it.next().unwrap_or_else(|| usage())),
            "--lang" => {
                let tag = it.next().unwrap_or_else(|| usage());
                a.lang = Some(Lang::parse_arg(&tag).unwrap_or_else(|e| {
                    eprintln!("mynapin-app: {e}");
                    std::process::exit(2)
                }));
            }
            "--version" | "-V" => {
                println!("mynapin-app {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0)
            }
            _ => usage(),
        }
    }
    a
}

fn port(a: &Args) -> Box<dyn mynapin_app::port::CardPort> {
    #[cfg(feature = "sim")]
    if let Some(name) = &a.sim {
        return match mynapin_app::port::SimPort::builtin(name.as_deref()) {
            Ok(p) => Box::new(p),
            Err(n) => {
                eprintln!(
                    "mynapin-app: no built-in simulated card is named {} (see `mynapin sim fixtures`)",
                    mynapin_words::sanitize::sanitize(&n)
                );
                std::process::exit(2)
            }
        };
    }
    #[cfg(not(feature = "sim"))]
    if a.sim.is_some() {
        eprintln!("mynapin-app: this build has no simulated card");
        std::process::exit(2)
    }
    Box::new(mynapin_app::port::ReaderPort::new(ReaderSelector::parse(
        a.reader.as_deref(),
    )))
}

/// Opens the printable page in the default browser: written to a file of its own in the
/// temporary folder first (a browser opens files, not strings).
fn browser() -> Opener {
    Box::new(|name: &str, html: &str| {
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, html).map_err(|e| e.to_string())?;
        open::that_detached(&path).map_err(|e| e.to_string())
    })
}

struct Window {
    app: App,
    settings_path: Option<std::path::PathBuf>,
    /// `MYNAPIN_APP_TIMING=1`: when `main` started; taken once the first frame is reported.
    timing: Option<std::time::Instant>,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        if let Some(t0) = self.timing.take() {
            let unix = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0);
            eprintln!(
                "mynapin-app: first frame after {:.1} ms (unix ms {unix})",
                t0.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.app.settings_changed {
            self.app.settings_changed = false;
            if let Some(p) = &self.settings_path {
                // Not saved: the choice holds for this run; nothing else depends on it.
                let _ = settings::save(p, self.app.settings());
            }
        }
    }
}

fn main() -> eframe::Result {
    let timing = (std::env::var_os("MYNAPIN_APP_TIMING").as_deref()
        == Some(std::ffi::OsStr::new("1")))
    .then(std::time::Instant::now);
    let a = args();
    let settings_path = settings::path();
    let mut s = settings::load(settings_path.as_deref());
    if let Some(l) = a.lang {
        s.lang = l;
    }
    let port = port(&a);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("mynapin")
            // The desktop entry's name (mynapin-app.desktop): the dock matches the window to
            // the entry's name and icon by it (Wayland app id, X11 WM_CLASS).
            .with_app_id("mynapin-app")
            .with_inner_size([720.0, 820.0]),
        ..Default::default()
    };
    eframe::run_native(
        "mynapin",
        options,
        Box::new(move |cc| {
            cc.egui_ctx.set_fonts(mynapin_app::fonts::definitions());
            let ctx: Arc<OnceLock<egui::Context>> = Arc::new(OnceLock::new());
            let _ = ctx.set(cc.egui_ctx.clone());
            let wake = Arc::new(move || {
                if let Some(c) = ctx.get() {
                    c.request_repaint();
                }
            });
            Ok(Box::new(Window {
                app: App::new(port, s, browser(), wake),
                settings_path,
                timing,
            }))
        }),
    )
}

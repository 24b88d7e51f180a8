//! The guide's three renderings: plain text, CommonMark and one printable HTML page. Each
//! says exactly what the document ([`Block`]s) says; none adds words except the HTML boxes'
//! names for screen readers.

use super::Block;
use crate::{msg, Lang};
use unicode_width::UnicodeWidthStr;

/// The document as plain text for a terminal: `==` and `--` headings, `  - ` items,
/// `  [x]` checklist boxes, `label：value` record fields.
pub fn render_text(doc: &[Block]) -> String {
    let mut out = String::new();
    for b in doc {
        match b {
            Block::Title(t) => out.push_str(&format!(
                "{t}\n{}\n",
                "=".repeat(UnicodeWidthStr::width(t.as_str()))
            )),
            Block::Heading(2, t) => out.push_str(&format!("\n== {t} ==\n")),
            Block::Heading(3, t) => out.push_str(&format!("\n-- {t}\n")),
            Block::Heading(_, t) => out.push_str(&format!("\n  {t}\n")),
            Block::Para(t) => out.push_str(&format!("{t}\n")),
            Block::List(items) | Block::Sources(items) => {
                for (t, sub) in items {
                    out.push_str(&format!("  - {t}\n"));
                    for s in sub {
                        out.push_str(&format!("      {s}\n"));
                    }
                }
            }
            Block::Record(fields) => {
                for (label, value) in fields {
                    out.push_str(&format!("  {label}：{value}\n"));
                }
            }
            Block::Checks(items) => {
                for (done, t, sub) in items {
                    out.push_str(&format!("  [{}] {t}\n", if *done { "x" } else { " " }));
                    for s in sub {
                        out.push_str(&format!("        {s}\n"));
                    }
                }
            }
        }
    }
    out
}

/// Escapes what CommonMark would read as markup (the texts are prose, commands in backticks
/// are kept as code).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The document as CommonMark: headings, lists, task-list boxes, record fields as blank
/// lines to write on; prose is escaped so that nothing in it reads as markup.
pub fn render_markdown(doc: &[Block]) -> String {
    let mut out = String::new();
    for b in doc {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_escape(t))),
            Block::Heading(l, t) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*l)),
                md_escape(t)
            )),
            Block::Para(t) => out.push_str(&format!("{}\n\n", md_escape(t))),
            Block::List(items) | Block::Sources(items) => {
                for (t, sub) in items {
                    out.push_str(&format!("- {}\n", md_escape(t)));
                    for s in sub {
                        out.push_str(&format!("  - {}\n", md_escape(s)));
                    }
                }
                out.push('\n');
            }
            Block::Record(fields) => {
                for (label, value) in fields {
                    let v = if value.is_empty() {
                        "\\_".repeat(24)
                    } else {
                        md_escape(value)
                    };
                    out.push_str(&format!("{}: {v}  \n", md_escape(label)));
                }
                out.push('\n');
            }
            Block::Checks(items) => {
                for (done, t, sub) in items {
                    out.push_str(&format!(
                        "- [{}] {}\n",
                        if *done { "x" } else { " " },
                        md_escape(t)
                    ));
                    for s in sub {
                        out.push_str(&format!("  - {}\n", md_escape(s)));
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const HTML_STYLE: &str = "
@page { size: A4; margin: 10mm 12mm 10mm 12mm; }
html { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic', 'Hiragino Sans', 'Yu Gothic', sans-serif; font-size: 11pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48em; padding: 1em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; border-bottom: 3px solid #000; }
h2 { font-size: 1.35em; margin: .7em 0 .25em; border-bottom: 1px solid #444; }
h3 { font-size: 1.15em; margin: .6em 0 .2em; }
h4 { font-size: 1.05em; margin: .6em 0 .2em; }
p { margin: .25em 0; }
ul { margin: .2em 0 .4em 1.2em; padding: 0; }
ul.checks { list-style: none; margin-left: 0; }
ul.checks ul { list-style: disc; margin-left: 2.2em; font-size: 10pt; line-height: 1.3; }
ul.sources { font-size: 9pt; line-height: 1.25; color: #222; }
ul.checks > li { margin: .25em 0; }
.box { display: inline-block; width: 1.1em; height: 1.1em; border: 2px solid #000; margin-right: .5em; vertical-align: -.2em; text-align: center; line-height: 1em; font-weight: bold; }
table.record { border-collapse: collapse; width: 100%; margin: .4em 0; break-inside: avoid; }
table.record { border: 2px solid #000; }
table.record th { text-align: left; font-weight: normal; white-space: nowrap; padding: .4em .4em; vertical-align: bottom; }
table.record td { border-bottom: 1px solid #000; padding: .4em .4em; height: 1.5em; min-width: 6em; }
@media print { body { max-width: none; padding: 0; } h2, h3, h4 { break-after: avoid; } li { break-inside: avoid; } }
";

/// The document as one self-contained printable page (A4) in `lang`: the style is inline,
/// a Content-Security-Policy forbids loading anything, every text is escaped; checklist
/// boxes are empty squares to tick by hand (a ticked one is named for screen readers).
pub fn render_html(lang: Lang, doc: &[Block]) -> String {
    let title = doc
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n",
        lang.tag(),
        html_escape(&title)
    );
    let sub_list = |sub: &[String]| -> String {
        if sub.is_empty() {
            return String::new();
        }
        format!(
            "<ul>{}</ul>",
            sub.iter()
                .map(|s| format!("<li>{}</li>", html_escape(s)))
                .collect::<String>()
        )
    };
    for b in doc {
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", html_escape(t))),
            Block::Heading(l, t) => out.push_str(&format!("<h{l}>{}</h{l}>\n", html_escape(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", html_escape(t))),
            Block::List(items) | Block::Sources(items) => {
                out.push_str(if matches!(b, Block::Sources(_)) {
                    "<ul class=\"sources\">\n"
                } else {
                    "<ul>\n"
                });
                for (t, sub) in items {
                    out.push_str(&format!("<li>{}{}</li>\n", html_escape(t), sub_list(sub)));
                }
                out.push_str("</ul>\n");
            }
            Block::Record(fields) => {
                // The first field (what was presented) on its own row; the blank fields side
                // by side below it, each a line to write on.
                out.push_str("<table class=\"record\">\n");
                if let Some((label, value)) = fields.first() {
                    out.push_str(&format!(
                        "<tr><th>{}</th><td colspan=\"5\">{}</td></tr>\n",
                        html_escape(label),
                        html_escape(value)
                    ));
                }
                out.push_str("<tr>");
                for (label, value) in fields.iter().skip(1) {
                    out.push_str(&format!(
                        "<th>{}</th><td>{}</td>",
                        html_escape(label),
                        html_escape(value)
                    ));
                }
                out.push_str("</tr>\n</table>\n");
            }
            Block::Checks(items) => {
                out.push_str("<ul class=\"checks\">\n");
                for (done, t, sub) in items {
                    out.push_str(&format!(
                        "<li><span class=\"box\" role=\"img\" aria-label=\"{}\">{}</span>{}{}</li>\n",
                        if *done { msg::guide_box_presented(lang) } else { msg::guide_box_to_bring(lang) },
                        if *done { "✓" } else { "" },
                        html_escape(t),
                        sub_list(sub)
                    ));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

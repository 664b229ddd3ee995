//! A receipt's blocks as Markdown or plain text.

use super::block::ReceiptBlock as Block;

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub(super) fn render_markdown(blocks: &[Block]) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Heading(l, t) => o.push_str(&format!("{} {t}\n\n", "#".repeat(*l as usize))),
            Block::Para(t) => o.push_str(&format!("{t}\n\n")),
            Block::Fields(f) => {
                o.push_str("| | |\n|---|---|\n");
                for (k, v) in f {
                    o.push_str(&format!("| {k} | {} |\n", md_cell(v)));
                }
                o.push('\n');
            }
            Block::Table(h, rows) => {
                o.push_str(&format!("| {} |\n", h.join(" | ")));
                o.push_str(&format!("|{}\n", "---|".repeat(h.len())));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                    o.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                o.push('\n');
            }
        }
    }
    o
}

pub(super) fn render_text(blocks: &[Block]) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Heading(l, t) => {
                let u = match l {
                    1 => '=',
                    2 => '-',
                    _ => '.',
                };
                let width = unicode_width::UnicodeWidthStr::width(t.as_str());
                o.push_str(&format!("{t}\n{}\n\n", u.to_string().repeat(width)));
            }
            Block::Para(t) => o.push_str(&format!("{t}\n\n")),
            Block::Fields(f) => {
                use unicode_width::UnicodeWidthStr;
                let w = f.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
                for (k, v) in f {
                    let pad = " ".repeat(w - k.width());
                    o.push_str(&format!("{k}{pad}  {v}\n"));
                }
                o.push('\n');
            }
            Block::Table(h, rows) => {
                for r in rows {
                    let parts: Vec<String> = h
                        .iter()
                        .zip(r)
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(h, c)| format!("{h}: {c}"))
                        .collect();
                    o.push_str(&format!("  - {}\n", parts.join("; ")));
                }
                o.push('\n');
            }
        }
    }
    o
}

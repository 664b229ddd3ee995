//! Attaching an evidence file from the Record tab: the attach key opens a path prompt
//! (Tab completes the file name from the directory), Enter asks for an optional caption,
//! Enter again stores the file in one store call. The record's pane lists its attachments
//! (name, type, size, short hash); images are never rendered in the terminal.

use std::path::{Path, PathBuf};

use ratatui::text::Line;

use super::{Editor, Prompt, PromptKind, RecordScreen};
use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::t;
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;

/// The path typed, completed from the directory it names: the longest common start of
/// the names that begin with what was typed (a single directory gets its `/`), and how
/// many names matched.
pub fn complete(typed: &str) -> (String, usize) {
    let (dir, start) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let read_from = if dir.is_empty() {
        Path::new(".")
    } else {
        Path::new(dir)
    };
    let Ok(entries) = std::fs::read_dir(read_from) else {
        return (typed.to_string(), 0);
    };
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (name.starts_with(start) && (!name.starts_with('.') || start.starts_with('.')))
                .then_some((name, is_dir))
        })
        .collect();
    names.sort();
    let Some((first, _)) = names.first() else {
        return (typed.to_string(), 0);
    };
    let mut common = first.clone();
    for (n, _) in &names[1..] {
        let same = common
            .chars()
            .zip(n.chars())
            .take_while(|(a, b)| a == b)
            .count();
        common = common.chars().take(same).collect();
    }
    let slash = names.len() == 1 && names[0].1;
    let done = format!("{dir}{common}{}", if slash { "/" } else { "" });
    (done, names.len())
}

impl RecordScreen {
    /// The attach key: a path prompt over an open draft inspection.
    pub(super) fn ask_attach(&mut self, cx: &Cx) -> Effect {
        let Some(ed) = &self.editor else {
            return Effect::None;
        };
        if cx.read_only {
            return Effect::error(i18n::text(cx.lang, "record-read-only"));
        }
        if ed.finalized {
            let id = ed.inspection_id.clone().unwrap_or_default();
            return Effect::error(t!(cx.lang, "attach-finalized", id = id));
        }
        if ed.inspection_id.is_none() {
            return Effect::error(i18n::text(
                cx.lang,
                "where-open-a-draft-record-in-the-record-tab",
            ));
        }
        self.prompt = Prompt::new(PromptKind::AttachPath);
        Effect::Redraw
    }

    /// Tab in the path prompt.
    pub(super) fn complete_path(&mut self, lang: Lang) -> Effect {
        let Some(p) = self
            .prompt
            .as_mut()
            .filter(|p| matches!(p.kind, PromptKind::AttachPath | PromptKind::DeclarationPath))
        else {
            return Effect::None;
        };
        let (done, matched) = complete(p.input.text());
        p.input = LineInput::with_text(&done);
        match matched {
            0 => Effect::Redraw.and(Effect::error(i18n::text(lang, "attach-no-match"))),
            _ => Effect::Redraw,
        }
    }

    /// Enter in the path prompt: the caption prompt follows. Err keeps a prompt open
    /// (the caption's, or the path's with the problem said).
    pub(super) fn attach_path_entered(&mut self, path: &str, lang: Lang) -> Result<Effect, Effect> {
        if path.is_empty() {
            return Err(Effect::error(i18n::text(lang, "attach-empty-path")));
        }
        self.attach_path = Some(PathBuf::from(path));
        self.prompt = Prompt::new(PromptKind::AttachCaption);
        Err(Effect::Redraw)
    }

    /// Enter in the caption prompt: the file is stored (one transaction) and listed.
    pub(super) fn attach(&mut self, caption: &str, cx: &mut Cx) -> Result<Effect, Effect> {
        let (Some(path), Some(id)) = (
            self.attach_path.take(),
            self.editor.as_ref().and_then(|e| e.inspection_id.clone()),
        ) else {
            return Ok(Effect::None);
        };
        match cx
            .store
            .records_mut()
            .attach_file(&id, &path, caption, None)
        {
            Ok(Ok(a)) => {
                let short = a.sha256.chars().take(12).collect::<String>();
                let name = sanitize(&a.file_name).into_owned();
                if let Some(ed) = &mut self.editor {
                    ed.attachments.push(a);
                }
                Ok(Effect::info(t!(
                    cx.lang,
                    "attach-done",
                    name = name,
                    short = short
                )))
            }
            Ok(Err(m)) => Ok(Effect::error(i18n::msg(cx.lang, &m))),
            Err(e) => Ok(Effect::error(e.to_string())),
        }
    }
}

/// Lines of the record pane naming each attachment: name, short hash, size, type.
pub(super) fn attachment_lines<'a>(
    ed: &Editor,
    width: usize,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'a>> {
    // nothing when there is none (the attach key in the help and palette says how to add one)
    if ed.attachments.is_empty() {
        return Vec::new();
    }
    let title = format!(
        "{} ({})",
        i18n::text(lang, "attach-pane-title"),
        ed.attachments.len()
    );
    let mut out = vec![Line::raw(""), Line::styled(title, theme.title)];
    for a in &ed.attachments {
        let short: String = a.sha256.chars().take(8).collect();
        // two lines; hash and size first, so that they show at 80 columns
        out.push(Line::raw(fit(
            &format!("• {}", sanitize(&a.file_name)),
            width,
        )));
        let facts = format!(
            "  {short} · {} · {}",
            size_text(a.size),
            sanitize(&a.media_type)
        );
        out.push(Line::styled(fit(&facts, width), theme.dim));
    }
    out
}

/// A size in B, KiB or MiB (units are symbols, the same in every language).
fn size_text(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1024 * 1024 => format!("{:.1} KiB", n as f64 / 1024.0),
        n => format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0)),
    }
}

//! The start-up prompt of an encrypted database: a masked passphrase field, shown before
//! the main screens (and, for a new field file, a new passphrase typed twice). It uses the
//! first-run dialog's keys (`Context::Setup`: Enter, Ctrl-C, the editing keys).

mod view;

use crate::store::Passphrase;
use crate::tui::action::Action;
use crate::tui::widgets::input::LineInput;

/// What the prompt asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// The passphrase of an existing file.
    Existing,
    /// A new file's passphrase: first typing, or again (holding the first).
    New { first: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnlockForm {
    pub input: LineInput,
    pub ask: Ask,
    /// The file's name as shown (sanitized by the caller).
    pub name: String,
    /// A catalogue id: why the last try failed.
    pub error: Option<&'static str>,
    pub lang: crate::domain::Lang,
}

/// What a key did.
#[derive(Debug, PartialEq)]
pub enum UnlockOutcome {
    Continue,
    /// Try this passphrase (on an existing file) or make the new file with it.
    Try(Passphrase),
    Quit,
}

impl UnlockForm {
    pub fn new(name: String, ask: Ask, lang: crate::domain::Lang) -> Self {
        UnlockForm {
            input: LineInput::default(),
            ask,
            name,
            error: None,
            lang,
        }
    }

    pub fn update(&mut self, action: Action) -> UnlockOutcome {
        match action {
            Action::Quit => return UnlockOutcome::Quit,
            Action::Accept => return self.accept(),
            a if LineInput::is_edit(a) => {
                self.input.edit(a);
            }
            _ => {}
        }
        UnlockOutcome::Continue
    }

    fn accept(&mut self) -> UnlockOutcome {
        let typed = self.input.text().to_string();
        self.input = LineInput::default();
        if typed.is_empty() {
            self.error = Some("unlock-empty");
            return UnlockOutcome::Continue;
        }
        self.error = None;
        match &self.ask {
            Ask::Existing => UnlockOutcome::Try(Passphrase::new(typed)),
            Ask::New { first: None } => {
                self.ask = Ask::New { first: Some(typed) };
                UnlockOutcome::Continue
            }
            Ask::New { first: Some(f) } if *f == typed => {
                UnlockOutcome::Try(Passphrase::new(typed))
            }
            Ask::New { .. } => {
                self.ask = Ask::New { first: None };
                self.error = Some("unlock-new-differ");
                UnlockOutcome::Continue
            }
        }
    }

    /// The passphrase did not open the file: say so and ask again.
    pub fn wrong(&mut self) {
        self.error = Some("unlock-wrong");
    }

    pub fn type_char(&mut self, c: char) {
        self.input.insert(c);
    }
}

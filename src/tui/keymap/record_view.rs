//! The keys of a finalized record: reading it offers no writing hint, and its next custody
//! transfer offers only that transfer's keys.

use crossterm::event::KeyCode;

use super::shared::text_bindings;
use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

/// Moving in a record: field by field, section by section, and the reasons pane a page
/// at a time (the form and a finalized record alike).
pub(super) fn field_moves(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::plain(KeyCode::Tab), NextField, "key-next-field"),
        bind(c, Key::plain(KeyCode::Down), NextField, "key-next-field"),
        bind(
            c,
            Key::plain(KeyCode::BackTab),
            PrevField,
            "key-previous-field",
        ),
        bind(c, Key::plain(KeyCode::Up), PrevField, "key-previous-field"),
        hint(c, Key::ctrl('n'), NextPane, "key-next-section"),
        bind(c, Key::ctrl('p'), PrevPane, "key-previous-section"),
        bind(
            c,
            Key::plain(KeyCode::PageDown),
            PageDown,
            "key-scroll-reasons-down",
        ),
        bind(
            c,
            Key::plain(KeyCode::PageUp),
            PageUp,
            "key-scroll-reasons-up",
        ),
    ]
}

/// A finalized record: reading it (no writing hint), and its next custody transfer.
pub(super) fn finalized_record() -> Vec<Binding> {
    use Action::*;
    let mut v = Vec::new();
    for c in [Context::RecordView, Context::RecordCustody] {
        v.extend(field_moves(c));
        let custody = c == Context::RecordCustody;
        // what fits the footer at 80 columns: the transfer there, else the receipt
        type Make = fn(Context, Key, Action, &'static str) -> Binding;
        let (add, receipt): (Make, Make) = if custody { (hint, bind) } else { (bind, hint) };
        v.extend([
            add(c, Key::ctrl('t'), AddCustody, "key-append-custody-transfer"),
            receipt(
                c,
                Key::ctrl('r'),
                ExportReceipt,
                "key-export-seizure-receipt",
            ),
            bind(c, Key::ctrl('w'), Amend, "key-amend-the-finalized-record"),
            hint(c, Key::plain(KeyCode::Esc), Cancel, "key-drafts-list"),
        ]);
    }
    v.push(bind(
        Context::RecordView,
        Key::ctrl('g'),
        Cancel,
        "key-cancel",
    ));
    // a transfer's reason is taken from the common ones with Enter, as in the form
    v.push(bind(
        Context::RecordCustody,
        Key::plain(KeyCode::Enter),
        Accept,
        "key-next-field-new-line",
    ));
    v.extend(text_bindings(Context::RecordCustody));
    v
}

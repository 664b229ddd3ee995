//! The default keys of each tab's own contexts, as data. The keymap imports no screen:
//! the screens name these contexts and read the table.

use crossterm::event::KeyCode;

use super::shared::{list_bindings, text_bindings};
use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

/// Global keys that select the tabs (as the tab bar numbers them).
pub fn tab_bindings() -> Vec<Binding> {
    [
        ('1', Action::TabRules),
        ('2', Action::TabShipments),
        ('3', Action::TabRecord),
        ('4', Action::TabSync),
        ('5', Action::TabReview),
    ]
    .into_iter()
    .map(|(k, a)| bind(Context::Global, Key::ch(k), a, a.describe()))
    .chain(function_tab_bindings())
    .collect()
}

/// F2..F6 select tabs 1..5 also while a text field has focus (digits stay text there);
/// F2 stands for them in the footer.
fn function_tab_bindings() -> Vec<Binding> {
    [
        Action::TabRules,
        Action::TabShipments,
        Action::TabRecord,
        Action::TabSync,
        Action::TabReview,
    ]
    .into_iter()
    .zip(2u8..)
    .map(|(a, n)| {
        let key = Key::plain(KeyCode::F(n));
        if n == 2 {
            bind(Context::Global, key, a, "key-tabs-function")
        } else {
            bind(Context::Global, key, a, a.describe())
        }
    })
    .collect()
}

/// Every tab's own bindings, in help order.
pub fn screen_bindings() -> Vec<Binding> {
    let mut v = rules();
    v.extend(shipments());
    v.extend(record());
    v.extend(sync());
    v.extend(review());
    v
}

/// The Rules tab and its screening form.
pub fn rules() -> Vec<Binding> {
    use Action::*;
    let c = Context::Rules;
    let mut v = list_bindings(c);
    v.push(hint(
        c,
        Key::ch('s'),
        ScreenShipment,
        "key-screen-a-shipment",
    ));
    let s = Context::Screening;
    v.extend([
        hint(s, Key::plain(KeyCode::Tab), NextField, "key-next-field"),
        bind(s, Key::plain(KeyCode::Down), NextField, "key-next-field"),
        bind(s, Key::plain(KeyCode::Enter), Accept, "key-next-field"),
        bind(
            s,
            Key::plain(KeyCode::BackTab),
            PrevField,
            "key-previous-field",
        ),
        bind(s, Key::plain(KeyCode::Up), PrevField, "key-previous-field"),
        hint(s, Key::plain(KeyCode::Esc), Back, "key-close-form"),
        bind(s, Key::plain(KeyCode::F(2)), Back, "key-close-form"),
        hint(
            s,
            Key::plain(KeyCode::PageDown),
            PageDown,
            "key-scroll-reasons-down",
        ),
        bind(
            s,
            Key::plain(KeyCode::PageUp),
            PageUp,
            "key-scroll-reasons-up",
        ),
    ]);
    v.extend(text_bindings(s));
    v
}

pub fn shipments() -> Vec<Binding> {
    let c = Context::Shipments;
    let mut v = list_bindings(c);
    v.push(bind(c, Key::ch('r'), Action::Top, "key-newest-reload"));
    v.extend([
        bind(
            c,
            Key::ch('w'),
            Action::AwaitingReview,
            "key-awaiting-review-only",
        ),
        bind(c, Key::plain(KeyCode::F(5)), Action::Reload, "key-re-read"),
        bind(c, Key::ctrl('l'), Action::Reload, "key-re-read"),
    ]);
    v
}

/// The Record tab: the drafts list, the form, the prompt; and the Shipments keys that
/// start a record.
pub fn record() -> Vec<Binding> {
    use Action::*;
    let c = Context::Record;
    let mut v = vec![
        hint(c, Key::ch('n'), NewRecord, "key-new-record"),
        hint(c, Key::plain(KeyCode::Enter), Open, "key-resume-draft"),
        bind(c, Key::ch('j'), Down, "key-down"),
        bind(c, Key::plain(KeyCode::Down), Down, "key-down"),
        bind(c, Key::ch('k'), Up, "key-up"),
        bind(c, Key::plain(KeyCode::Up), Up, "key-up"),
        bind(c, Key::ch('g'), Top, "key-first-draft-reload"),
        hint(c, Key::ch('d'), DiscardDraft, "key-discard-draft"),
    ];
    v.extend(record_form());
    v.extend(super::record_view::finalized_record());
    let p = Context::RecordPrompt;
    v.extend([
        hint(p, Key::plain(KeyCode::Enter), Accept, "key-done"),
        hint(p, Key::plain(KeyCode::Esc), Cancel, "key-cancel"),
        bind(p, Key::plain(KeyCode::Tab), NextField, "key-complete-path"),
    ]);
    v.extend(text_bindings(p));
    // started from the Shipments tab
    let s = Context::Shipments;
    v.extend([
        bind(s, Key::ch('i'), InspectShipment, "key-record-an-inspection"),
        bind(s, Key::ch('n'), NewRecord, "key-new-record"),
        bind(s, Key::ch('o'), OpenRecord, "key-open-latest-record"),
    ]);
    v
}

fn record_form() -> Vec<Binding> {
    use Action::*;
    let f = Context::RecordForm;
    let mut v = super::record_view::field_moves(f);
    v.extend([
        bind(
            f,
            Key::plain(KeyCode::Enter),
            Accept,
            "key-next-field-new-line",
        ),
        hint(f, Key::ctrl('o'), AddItem, "key-add-row"),
        bind(f, Key::ctrl('d'), RemoveItem, "key-remove-row"),
        bind(f, Key::ctrl('y'), AcceptSuggestion, "key-accept-suggestion"),
        bind(
            f,
            Key::ctrl('k'),
            DismissSuggestion,
            "key-dismiss-suggestion",
        ),
        hint(f, Key::ctrl('f'), Finalize, "key-finalize"),
        bind(f, Key::ctrl('t'), AddCustody, "key-append-custody-transfer"),
        bind(
            f,
            Key::ctrl('r'),
            ExportReceipt,
            "key-export-seizure-receipt",
        ),
        bind(f, Key::ctrl('w'), Amend, "key-amend-the-finalized-record"),
        bind(f, Key::plain(KeyCode::F(7)), AttachFile, "key-attach-file"),
        bind(
            f,
            Key::plain(KeyCode::F(8)),
            ImportDeclaration,
            "key-import-declaration",
        ),
        hint(f, Key::plain(KeyCode::Esc), Cancel, "key-drafts-list"),
    ]);
    v.extend(text_bindings(f));
    v
}

fn sync_lists(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::ch('j'), Down, "key-down"),
        bind(c, Key::plain(KeyCode::Down), Down, "key-down"),
        hint(c, Key::ch('k'), Up, "key-up"),
        bind(c, Key::plain(KeyCode::Up), Up, "key-up"),
        bind(c, Key::plain(KeyCode::PageDown), PageDown, "key-page-down"),
        bind(c, Key::plain(KeyCode::PageUp), PageUp, "key-page-up"),
        bind(c, Key::ch('g'), Top, "key-first-row"),
        bind(c, Key::ch('G'), Bottom, "key-last-row"),
        hint(c, Key::plain(KeyCode::Tab), NextPane, "key-next-list"),
        bind(
            c,
            Key::plain(KeyCode::BackTab),
            PrevPane,
            "key-previous-list",
        ),
        hint(c, Key::ch('r'), SyncRefresh, "key-refresh"),
        hint(
            c,
            Key::plain(KeyCode::Enter),
            OpenDecision,
            "key-open-decision",
        ),
    ]
}

/// The Sync tab. The write actions come first so the footer shows them even at 80
/// columns.
pub fn sync() -> Vec<Binding> {
    let mut v = vec![
        hint(
            Context::Sync,
            Key::ch('e'),
            Action::SyncExport,
            "key-export",
        ),
        hint(
            Context::Sync,
            Key::ch('a'),
            Action::SyncAck,
            "key-acknowledge",
        ),
    ];
    v.extend(sync_lists(Context::Sync));
    v.push(hint(
        Context::SyncHq,
        Key::ch('i'),
        Action::SyncImport,
        "key-import-bundle",
    ));
    v.extend(sync_lists(Context::SyncHq));
    let p = Context::SyncPrompt;
    v.extend([
        hint(
            p,
            Key::plain(KeyCode::Enter),
            Action::Accept,
            "key-continue",
        ),
        hint(p, Key::plain(KeyCode::Esc), Action::Cancel, "key-cancel"),
    ]);
    v.extend(text_bindings(p));
    v.extend(review_stats());
    v
}

/// The Review tab's statistics view: its pages, the measure charted, the filter line.
fn review_stats() -> Vec<Binding> {
    use Action::*;
    let c = Context::ReviewStats;
    vec![
        hint(c, Key::plain(KeyCode::Tab), NextPane, "key-stats-next-page"),
        bind(
            c,
            Key::plain(KeyCode::BackTab),
            PrevPane,
            "key-stats-previous-page",
        ),
        bind(c, Key::ch('l'), NextPane, "key-stats-next-page"),
        bind(
            c,
            Key::plain(KeyCode::Right),
            NextPane,
            "key-stats-next-page",
        ),
        bind(c, Key::ch('h'), PrevPane, "key-stats-previous-page"),
        bind(
            c,
            Key::plain(KeyCode::Left),
            PrevPane,
            "key-stats-previous-page",
        ),
        hint(c, Key::ch('m'), NextMeasure, "key-stats-measure"),
        hint(c, Key::ch('/'), Filter, "key-filter"),
        bind(c, Key::ch('x'), ClearFilter, "key-clear-filter"),
        bind(c, Key::ch('j'), Down, "key-stats-scroll-down"),
        bind(c, Key::plain(KeyCode::Down), Down, "key-stats-scroll-down"),
        bind(c, Key::ch('k'), Up, "key-stats-scroll-up"),
        bind(c, Key::plain(KeyCode::Up), Up, "key-stats-scroll-up"),
        hint(c, Key::ch('S'), Statistics, "key-stats-queue"),
        bind(c, Key::plain(KeyCode::Esc), Back, "key-stats-queue"),
        bind(c, Key::plain(KeyCode::Backspace), Back, "key-stats-queue"),
        bind(c, Key::plain(KeyCode::F(5)), Reload, "key-re-read"),
        bind(c, Key::ctrl('l'), Reload, "key-re-read"),
    ]
}

/// The Review tab (headquarters): the decision keys first, so the footer shows them at
/// 80 columns, then the list keys; and the comment of a decision being made.
pub fn review() -> Vec<Binding> {
    use Action::*;
    let r = Context::Review;
    let mut v = vec![
        hint(r, Key::ch('A'), ReviewApprove, "key-approve"),
        hint(r, Key::ch('R'), ReviewReturn, "key-return"),
        hint(r, Key::ch(' '), ToggleSelect, "key-select"),
        hint(r, Key::ch('S'), Statistics, "key-statistics"),
        bind(r, Key::ch('C'), ChangeDecision, "key-change-decision"),
        bind(r, Key::ch('s'), CycleSort, "key-sort"),
        bind(r, Key::ch('w'), AwaitingReview, "key-pending-only"),
        bind(r, Key::plain(KeyCode::F(5)), Reload, "key-re-read"),
        bind(r, Key::ctrl('l'), Reload, "key-re-read"),
    ];
    v.extend(list_bindings(r));
    let p = Context::ReviewComment;
    v.extend([
        hint(p, Key::plain(KeyCode::Enter), Accept, "key-decide"),
        hint(p, Key::plain(KeyCode::Esc), Cancel, "key-cancel"),
        bind(p, Key::plain(KeyCode::Tab), NextField, "key-complete-path"),
    ]);
    v.extend(text_bindings(p));
    v
}

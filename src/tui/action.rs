//! The one vocabulary of the console: every key binding, palette entry and help line
//! names an [`Action`]. Its serde names are what a key-config file uses.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // application
    Quit,
    Help,
    Palette,
    NextTab,
    PrevTab,
    TabRules,
    TabShipments,
    TabRecord,
    TabSync,
    TabReview,
    // lists and panes
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    Open,
    Back,
    Filter,
    ClearFilter,
    // rules
    ScreenShipment,
    // recording (Record tab; the Shipments tab starts records too)
    NewRecord,
    InspectShipment,
    OpenRecord,
    Finalize,
    AddItem,
    RemoveItem,
    AcceptSuggestion,
    DismissSuggestion,
    AddCustody,
    ExportReceipt,
    DiscardDraft,
    Amend,
    /// Attach an evidence file to the open draft (Record tab: a path prompt, a caption).
    AttachFile,
    /// Fill the Shipment form from a declaration file (a path prompt).
    ImportDeclaration,
    /// Training: the next reading of the scenario's instruments (Measurements section).
    TakeReading,
    // sync (Sync tab)
    SyncExport,
    SyncAck,
    SyncImport,
    SyncRefresh,
    // headquarters review (Shipments tab)
    ReviewApprove,
    ReviewReturn,
    AwaitingReview,
    Reload,
    ChangeDecision,
    ToggleSelect,
    CycleSort,
    /// The Review tab: the statistics view and back to the queue.
    Statistics,
    /// The statistics view: the next measure charted (inspections, seizures, kg, value).
    NextMeasure,
    /// The Sync tab's decisions list: the record a decision is on.
    OpenDecision,
    /// The Rules tab (laptop) and the Review tab (headquarters): the finalized records whose
    /// verdict the active pack would change, and back.
    Rescreen,
    SwitchLanguage,
    /// Training: the scenario briefing again.
    TrainingBriefing,
    // text fields and dialogs
    Accept,
    Cancel,
    DeleteBack,
    DeleteForward,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    ClearField,
    NextField,
    PrevField,
    Yes,
    No,
}

impl Action {
    /// Every action, in palette order.
    pub const ALL: &'static [Action] = &[
        Action::Quit,
        Action::Help,
        Action::Palette,
        Action::NextTab,
        Action::PrevTab,
        Action::TabRules,
        Action::TabShipments,
        Action::TabRecord,
        Action::TabSync,
        Action::TabReview,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::NextPane,
        Action::PrevPane,
        Action::Open,
        Action::Back,
        Action::Filter,
        Action::ClearFilter,
        Action::ScreenShipment,
        Action::NewRecord,
        Action::InspectShipment,
        Action::OpenRecord,
        Action::Finalize,
        Action::AddItem,
        Action::RemoveItem,
        Action::AcceptSuggestion,
        Action::DismissSuggestion,
        Action::AddCustody,
        Action::ExportReceipt,
        Action::DiscardDraft,
        Action::Amend,
        Action::AttachFile,
        Action::ImportDeclaration,
        Action::TakeReading,
        Action::SyncExport,
        Action::SyncAck,
        Action::SyncImport,
        Action::SyncRefresh,
        Action::ReviewApprove,
        Action::ReviewReturn,
        Action::AwaitingReview,
        Action::Reload,
        Action::ChangeDecision,
        Action::ToggleSelect,
        Action::CycleSort,
        Action::Statistics,
        Action::NextMeasure,
        Action::OpenDecision,
        Action::Rescreen,
        Action::SwitchLanguage,
        Action::TrainingBriefing,
        Action::Accept,
        Action::Cancel,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorHome,
        Action::CursorEnd,
        Action::ClearField,
        Action::NextField,
        Action::PrevField,
        Action::Yes,
        Action::No,
    ];

    /// The name used in key-config files and shown in the palette.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The catalogue id of what it does (help and palette).
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "action-quit",
            Action::Help => "action-help",
            Action::Palette => "action-palette",
            Action::NextTab => "action-next_tab",
            Action::PrevTab => "action-prev_tab",
            Action::TabRules => "action-tab_rules",
            Action::TabShipments => "action-tab_shipments",
            Action::TabRecord => "action-tab_record",
            Action::TabSync => "action-tab_sync",
            Action::TabReview => "action-tab_review",
            Action::Up => "action-up",
            Action::Down => "action-down",
            Action::PageUp => "action-page_up",
            Action::PageDown => "action-page_down",
            Action::Top => "action-top",
            Action::Bottom => "action-bottom",
            Action::NextPane => "action-next_pane",
            Action::PrevPane => "action-prev_pane",
            Action::Open => "action-open",
            Action::Back => "action-back",
            Action::Filter => "action-filter",
            Action::ClearFilter => "action-clear_filter",
            Action::ScreenShipment => "action-screen_shipment",
            Action::NewRecord => "action-new_record",
            Action::InspectShipment => "action-inspect_shipment",
            Action::OpenRecord => "action-open_record",
            Action::Finalize => "action-finalize",
            Action::AddItem => "action-add_item",
            Action::RemoveItem => "action-remove_item",
            Action::AcceptSuggestion => "action-accept_suggestion",
            Action::DismissSuggestion => "action-dismiss_suggestion",
            Action::AddCustody => "action-add_custody",
            Action::ExportReceipt => "action-export_receipt",
            Action::DiscardDraft => "action-discard_draft",
            Action::Amend => "action-amend",
            Action::AttachFile => "action-attach_file",
            Action::ImportDeclaration => "action-import_declaration",
            Action::TakeReading => "action-take_reading",
            Action::TrainingBriefing => "action-training_briefing",
            Action::SyncExport => "action-sync_export",
            Action::SyncAck => "action-sync_ack",
            Action::SyncImport => "action-sync_import",
            Action::SyncRefresh => "action-sync_refresh",
            Action::ReviewApprove => "action-review_approve",
            Action::ReviewReturn => "action-review_return",
            Action::AwaitingReview => "action-awaiting_review",
            Action::Reload => "action-reload",
            Action::ChangeDecision => "action-change_decision",
            Action::ToggleSelect => "action-toggle_select",
            Action::CycleSort => "action-cycle_sort",
            Action::Statistics => "action-statistics",
            Action::NextMeasure => "action-next_measure",
            Action::OpenDecision => "action-open_decision",
            Action::Rescreen => "action-rescreen",
            Action::SwitchLanguage => "action-switch_language",
            Action::Accept => "action-accept",
            Action::Cancel => "action-cancel",
            Action::DeleteBack => "action-delete_back",
            Action::DeleteForward => "action-delete_forward",
            Action::CursorLeft => "action-cursor_left",
            Action::CursorRight => "action-cursor_right",
            Action::CursorHome => "action-cursor_home",
            Action::CursorEnd => "action-cursor_end",
            Action::ClearField => "action-clear_field",
            Action::NextField => "action-next_field",
            Action::PrevField => "action-prev_field",
            Action::Yes => "action-yes",
            Action::No => "action-no",
        }
    }

    /// The catalogue id of where the action applies, for "'amend' is not available here: ...".
    pub fn where_available(self) -> &'static str {
        use Action::*;
        match self {
            Finalize | AddItem | RemoveItem | AcceptSuggestion | DismissSuggestion
            | TakeReading | AttachFile | ImportDeclaration => {
                "where-open-a-draft-record-in-the-record-tab"
            }
            Amend | AddCustody | ExportReceipt => "where-open-a-finalized-record-in-the-record-tab",
            DiscardDraft => "where-select-a-draft-in-the-record-tab-s-list",
            NewRecord | InspectShipment | OpenRecord => "where-use-the-shipments-or-record-tab",
            ScreenShipment => "where-use-the-rules-tab",
            SyncExport | SyncAck => "where-use-the-sync-tab-of-a-field-database",
            SyncImport => "where-use-the-sync-tab-of-a-headquarters-database",
            SyncRefresh => "where-use-the-sync-tab",
            ReviewApprove | ReviewReturn | ChangeDecision | ToggleSelect | CycleSort
            | AwaitingReview | Reload => "where-use-the-review-tab-of-a-headquarters-database",
            Statistics | NextMeasure => "where-use-the-review-tab-of-a-headquarters-database",
            OpenDecision => "where-use-the-sync-tab",
            Rescreen => "where-use-the-rules-or-review-tab",
            Filter | ClearFilter => "where-use-a-list-with-a-filter-rules-shipments",
            Up | Down | PageUp | PageDown | Top | Bottom | NextPane | PrevPane | Open | Back => {
                "where-use-a-list-or-a-form"
            }
            Yes | No => "where-answer-a-question-y-n",
            Accept | Cancel | DeleteBack | DeleteForward | CursorLeft | CursorRight
            | CursorHome | CursorEnd | ClearField | NextField | PrevField => {
                "where-use-a-form-a-prompt-or-a-dialog"
            }
            Quit | Help | Palette | NextTab | PrevTab | TabRules | TabShipments | TabRecord
            | TabSync | TabReview | SwitchLanguage | TrainingBriefing => "where-everywhere",
        }
    }

    /// Writes to the database: hidden from keys, help and palette when read-only. Field
    /// work, plus the writes of the trainee, the import and the review desk.
    pub fn is_write(self) -> bool {
        self.is_field_write()
            || matches!(
                self,
                Action::TakeReading
                    | Action::SyncImport
                    | Action::ReviewApprove
                    | Action::ReviewReturn
                    | Action::ChangeDecision
            )
    }

    /// Field-officer work (records, custody, amendments, export, receipts): absent from
    /// keys, help and palette at headquarters, which records no field work.
    pub fn is_field_write(self) -> bool {
        matches!(
            self,
            Action::NewRecord
                | Action::InspectShipment
                | Action::Finalize
                | Action::AddItem
                | Action::RemoveItem
                | Action::AcceptSuggestion
                | Action::DismissSuggestion
                | Action::AddCustody
                | Action::DiscardDraft
                | Action::Amend
                | Action::AttachFile
                | Action::ImportDeclaration
                | Action::SyncExport
                | Action::SyncAck
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(&a.name()), Some(*a), "{a:?}");
        }
        assert_eq!(Action::ScreenShipment.name(), "screen_shipment");
        assert_eq!(Action::from_name("no_such_action"), None);
    }
}

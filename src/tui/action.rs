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
    // sync (Sync tab)
    SyncExport,
    SyncAck,
    SyncImport,
    SyncRefresh,
    // headquarters review (Shipments tab)
    ReviewApprove,
    ReviewReturn,
    NextInspection,
    AwaitingReview,
    Reload,
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
        Action::SyncExport,
        Action::SyncAck,
        Action::SyncImport,
        Action::SyncRefresh,
        Action::ReviewApprove,
        Action::ReviewReturn,
        Action::NextInspection,
        Action::AwaitingReview,
        Action::Reload,
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

    /// What it does, for the palette.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit minspect",
            Action::Help => "show the keys of this screen",
            Action::Palette => "run any action by name",
            Action::NextTab => "next tab",
            Action::PrevTab => "previous tab",
            Action::TabRules => "go to the Rules tab",
            Action::TabShipments => "go to the Shipments tab",
            Action::TabRecord => "go to the Record tab",
            Action::TabSync => "go to the Sync tab",
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "go to the first row (newest)",
            Action::Bottom => "go to the last row (oldest)",
            Action::NextPane => "focus the next pane",
            Action::PrevPane => "focus the previous pane",
            Action::Open => "open the selected row",
            Action::Back => "go back / close",
            Action::Filter => "filter the focused list",
            Action::ClearFilter => "clear the filter",
            Action::ScreenShipment => "screen a shipment against the rules",
            Action::NewRecord => "start a new record (shipment and inspection)",
            Action::InspectShipment => "record an inspection of this shipment",
            Action::OpenRecord => "open this shipment's latest record",
            Action::Finalize => "finalize the record (asks first)",
            Action::AddItem => "add a measurement, finding or seizure",
            Action::RemoveItem => "remove the selected measurement, finding or seizure",
            Action::AcceptSuggestion => "accept the suggested finding",
            Action::DismissSuggestion => "dismiss the suggested finding",
            Action::AddCustody => "append the custody transfer (asks first)",
            Action::ExportReceipt => "export the seizure receipt to a file",
            Action::DiscardDraft => "discard the selected draft (asks first)",
            Action::Amend => "correct a finalized record with an amendment",
            Action::SyncExport => "export unacknowledged records to a bundle (asks first)",
            Action::SyncAck => "acknowledge a headquarters receipt (asks first)",
            Action::SyncImport => "import a field device's bundle (asks first)",
            Action::SyncRefresh => "re-read the sync state",
            Action::ReviewApprove => "approve the marked inspection (asks; comment optional)",
            Action::ReviewReturn => "return the marked inspection to its officer with a comment",
            Action::NextInspection => "mark the shipment's next inspection for review",
            Action::AwaitingReview => "show only shipments awaiting review (toggle)",
            Action::Reload => "re-read the list and the selected shipment",
            Action::Accept => "accept the field / run",
            Action::Cancel => "cancel",
            Action::DeleteBack => "delete the character before the cursor",
            Action::DeleteForward => "delete the character under the cursor",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::CursorHome => "cursor to start of field",
            Action::CursorEnd => "cursor to end of field",
            Action::ClearField => "clear the field",
            Action::NextField => "next field",
            Action::PrevField => "previous field",
            Action::Yes => "yes",
            Action::No => "no",
        }
    }

    /// Writes to the database: hidden from keys, help and palette when read-only.
    /// Where the action applies, for "'amend' is not available here: ...".
    pub fn where_available(self) -> &'static str {
        use Action::*;
        match self {
            Finalize | AddItem | RemoveItem | AcceptSuggestion | DismissSuggestion => {
                "open a draft record in the Record tab"
            }
            Amend | AddCustody | ExportReceipt => "open a finalized record in the Record tab",
            DiscardDraft => "select a draft in the Record tab's list",
            NewRecord | InspectShipment | OpenRecord => "use the Shipments or Record tab",
            ScreenShipment => "use the Rules tab",
            SyncExport | SyncAck => "use the Sync tab of a field database",
            SyncImport => "use the Sync tab of a headquarters database",
            SyncRefresh => "use the Sync tab",
            ReviewApprove | ReviewReturn | NextInspection => {
                "use the Shipments tab of a headquarters database, as a login mapped to a supervisor"
            }
            AwaitingReview | Reload => "use the Shipments tab",
            Filter | ClearFilter => "use a list with a filter (Rules, Shipments)",
            Up | Down | PageUp | PageDown | Top | Bottom | NextPane | PrevPane | Open | Back => {
                "use a list or a form"
            }
            Yes | No => "answer a question (y/n)",
            Accept | Cancel | DeleteBack | DeleteForward | CursorLeft | CursorRight
            | CursorHome | CursorEnd | ClearField | NextField | PrevField => {
                "use a form, a prompt or a dialog"
            }
            Quit | Help | Palette | NextTab | PrevTab | TabRules | TabShipments | TabRecord
            | TabSync => "everywhere",
        }
    }

    pub fn is_write(self) -> bool {
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
                | Action::SyncExport
                | Action::SyncAck
                | Action::SyncImport
                | Action::ReviewApprove
                | Action::ReviewReturn
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

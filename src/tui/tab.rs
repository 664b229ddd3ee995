//! The tabs of the console, in the order the tab bar shows them.

use crate::tui::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Rules,
    Shipments,
    Record,
    Sync,
    Review,
}

impl Tab {
    pub const ALL: &'static [Tab] = &[
        Tab::Rules,
        Tab::Shipments,
        Tab::Record,
        Tab::Sync,
        Tab::Review,
    ];

    /// The key that selects the tab, and the action it runs (the default keymap binds
    /// the same keys).
    pub fn key(self) -> (char, Action) {
        match self {
            Tab::Rules => ('1', Action::TabRules),
            Tab::Shipments => ('2', Action::TabShipments),
            Tab::Record => ('3', Action::TabRecord),
            Tab::Sync => ('4', Action::TabSync),
            Tab::Review => ('5', Action::TabReview),
        }
    }

    pub fn of_action(a: Action) -> Option<Tab> {
        Tab::ALL.iter().copied().find(|t| t.key().1 == a)
    }

    pub fn offset(self, delta: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(i + delta).rem_euclid(n) as usize]
    }
}

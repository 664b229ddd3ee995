//! The world a database belongs to: live data or a classroom's. Live and training never
//! mix: a database of one world refuses keys, bundles and receipts of the other.

use serde::{Deserialize, Serialize};

use super::DbKind;

/// Live (real inspections) or training (a class practising the loop).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum World {
    /// Real inspections; every version-1 key file, bundle and receipt is of this world.
    #[default]
    Live,
    /// Trainees' files and the training headquarters they sync with.
    Training,
}

impl World {
    pub fn as_str(self) -> &'static str {
        match self {
            World::Live => "live",
            World::Training => "training",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "live" => Some(World::Live),
            "training" => Some(World::Training),
            _ => None,
        }
    }

    /// The world a new database of `kind` is in unless told otherwise: a training file is
    /// of the training world, field devices and headquarters are live.
    pub fn of_kind(kind: DbKind) -> Self {
        match kind {
            DbKind::Training => World::Training,
            DbKind::Field | DbKind::Hq => World::Live,
        }
    }
}

impl std::fmt::Display for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_kinds_have_their_world() {
        for w in [World::Live, World::Training] {
            assert_eq!(World::parse(w.as_str()), Some(w));
        }
        assert_eq!(World::parse("Live"), None);
        assert_eq!(World::of_kind(DbKind::Training), World::Training);
        assert_eq!(World::of_kind(DbKind::Hq), World::Live);
        assert_eq!(World::default(), World::Live);
    }
}

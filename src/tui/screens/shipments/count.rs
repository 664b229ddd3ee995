//! The Shipments title's count: the rows the filter matches (not the page's), read with
//! the first page of each filter and kept while paging.

use super::ShipmentsScreen;
use crate::domain::Lang;
use crate::domain::limits::grouped;
use crate::store::query::count::{COUNT_CAP, MatchCount};
use crate::store::shipments::ShipmentFilter;
use crate::t;
use crate::tui::screens::Cx;

/// The count for `filter` (None when it could not be read: the title then says what the
/// page shows).
pub(super) fn read(
    cx: &mut Cx,
    filter: &ShipmentFilter,
    rows: usize,
    more: bool,
) -> Option<MatchCount> {
    cx.store
        .query()
        .shipments_count(filter, rows as u64, more)
        .ok()
}

/// `Shipments · 1,234 matching · 10 shown`.
pub(super) fn title(s: &ShipmentsScreen, lang: Lang) -> String {
    let filtered = if s.filter.is_empty() { "no" } else { "yes" };
    let shown = t!(
        lang,
        "ships-title-page",
        shown = grouped(s.rows.len() as u64)
    );
    let head = match s.matching {
        Some(MatchCount::Exact(n)) => {
            t!(
                lang,
                "ships-title-exact",
                count = grouped(n),
                filtered = filtered
            )
        }
        Some(MatchCount::OverCap) => t!(
            lang,
            "ships-title-over",
            count = grouped(COUNT_CAP),
            filtered = filtered
        ),
        Some(MatchCount::AtLeast(n)) => t!(lang, "ships-title-at-least", count = grouped(n)),
        None => return t!(lang, "ships-title", count = s.rows.len()),
    };
    format!("{head} · {shown}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(10_000), "10,000");
        assert_eq!(super::grouped(1_234_567), "1,234,567");
    }
}

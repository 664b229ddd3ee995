//! Search over a rule pack's announcements and red flags (the Rules tab lists them after
//! the items and parties): a query matches a case-insensitive part of the number, id,
//! title in either language, or the notes and guidance. An empty query lists them all in
//! pack order. Returns positions in the pack's lists.

use super::RulePack;

fn matches(q: &str, texts: &[&str]) -> bool {
    texts.iter().any(|t| t.to_lowercase().contains(q))
}

/// Positions of the announcements matching `query`.
pub fn search_announcements(pack: &RulePack, query: &str) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    pack.announcements
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            q.is_empty() || matches(&q, &[&a.id, &a.number, &a.title, &a.title_zh, &a.notes])
        })
        .map(|(i, _)| i)
        .collect()
}

/// Positions of the red flags matching `query`.
pub fn search_red_flags(pack: &RulePack, query: &str) -> Vec<usize> {
    let q = query.trim().to_lowercase();
    pack.red_flags
        .iter()
        .enumerate()
        .filter(|(_, r)| q.is_empty() || matches(&q, &[&r.id, &r.title, &r.title_zh, &r.guidance]))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    #[test]
    fn announcements_and_red_flags_are_found_in_both_languages() {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        assert_eq!(
            search_announcements(&pack, "").len(),
            pack.announcements.len()
        );
        assert_eq!(search_red_flags(&pack, "").len(), pack.red_flags.len());
        let no46 = search_announcements(&pack, "2024 No. 46");
        assert!(!no46.is_empty());
        assert!(pack.announcements[no46[0]].number.contains("2024 No. 46"));
        let tungsten = search_announcements(&pack, "钨");
        assert!(!tungsten.is_empty(), "the Chinese title");
        assert!(search_announcements(&pack, "zzqqxx").is_empty());
        let first = &pack.red_flags[0];
        let by_title = search_red_flags(&pack, &first.title.to_uppercase());
        assert!(by_title.contains(&0));
        if !first.title_zh.is_empty() {
            assert!(search_red_flags(&pack, &first.title_zh).contains(&0));
        }
    }
}

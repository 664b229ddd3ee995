//! Ranked search over a rule pack's items. Pure and in memory (a pack has ~100 items).
//! Matches ids, formulae (case-sensitive exact first: `GaAs`, `Sb2O3`), control codes
//! (`1C117` finds 1C117.c and 1C117.d), HS codes and their prefixes (`2825` finds every
//! 2825... item), English and Chinese names and keywords (substring), and family names.
//! When nothing matches, a word typed with a slip (`galium`, `germainum`) finds the items
//! whose name, keyword or family is within one edit (two for long words).

use serde::Serialize;

use super::RulePack;
use super::pack::Item;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub item_id: String,
    /// Higher is better.
    pub score: u32,
    /// What matched, for display: `name`, `formula`, `hs_code`, `control_code` ...
    pub matched: String,
}

/// Items matching `query`, best first. An empty query lists every item in pack order.
pub fn search(pack: &RulePack, query: &str) -> Vec<SearchHit> {
    let q = query.trim();
    if q.is_empty() {
        return pack
            .items
            .iter()
            .map(|i| SearchHit {
                item_id: i.id.clone(),
                score: 0,
                matched: String::new(),
            })
            .collect();
    }
    let terms: Vec<&str> = q.split_whitespace().collect();
    let mut hits: Vec<(usize, SearchHit)> = Vec::new();
    for (n, item) in pack.items.iter().enumerate() {
        let best = score(pack, item, q).or_else(|| {
            if terms.len() < 2 {
                return None;
            }
            // every word must match something; rank below whole-query matches
            let each: Option<Vec<(u32, &'static str)>> =
                terms.iter().map(|t| score(pack, item, t)).collect();
            each.map(|v| {
                let total: u32 = v.iter().map(|(s, _)| *s).sum::<u32>() / v.len() as u32;
                (total.saturating_sub(100), v[0].1)
            })
        });
        if let Some((score, matched)) = best {
            hits.push((
                n,
                SearchHit {
                    item_id: item.id.clone(),
                    score,
                    matched: matched.into(),
                },
            ));
        }
    }
    if hits.is_empty() {
        hits = near_misses(pack, &q.to_lowercase());
    }
    hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(_, h)| h).collect()
}

/// Items with a word within one edit of `ql` (two for words of 8 letters or more),
/// transpositions counted as one: the fallback for a query that matched nothing.
fn near_misses(pack: &RulePack, ql: &str) -> Vec<(usize, SearchHit)> {
    let len = ql.chars().count();
    if len < 4 || !ql.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let allowed = if len >= 8 { 2 } else { 1 };
    let close = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| strsim::damerau_levenshtein(w, ql))
            .min()
            .is_some_and(|d| d <= allowed)
    };
    let mut out = Vec::new();
    for (n, item) in pack.items.iter().enumerate() {
        let family = pack.families.iter().find(|f| f.id == item.family);
        let texts = std::iter::once(item.name_en.as_str())
            .chain(item.keywords.iter().map(String::as_str))
            .chain(family.map(|f| f.name_en.as_str()));
        if texts.into_iter().any(close) {
            out.push((
                n,
                SearchHit {
                    item_id: item.id.clone(),
                    score: 150,
                    matched: "near_miss".into(),
                },
            ));
        }
    }
    out
}

fn word_start(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The best (score, what matched) so far; a later match replaces it only when higher.
#[derive(Default)]
struct Best(Option<(u32, &'static str)>);

impl Best {
    fn take(&mut self, s: u32, what: &'static str) {
        if self.0.is_none_or(|(b, _)| s > b) {
            self.0 = Some((s, what));
        }
    }
}

/// The best (score, what matched) of `q` against one item.
fn score(pack: &RulePack, item: &Item, q: &str) -> Option<(u32, &'static str)> {
    let ql = q.to_lowercase();
    let mut best = Best::default();
    codes(item, q, &mut best);
    names(item, q, &ql, &mut best);
    if let Some(f) = pack.families.iter().find(|f| f.id == item.family) {
        let fam = [
            f.id.to_lowercase(),
            f.name_en.to_lowercase(),
            f.name_zh.clone(),
        ];
        if fam.contains(&ql) {
            best.take(420, "family");
        } else if ql.chars().count() >= 3 && fam.iter().any(|n| n.contains(&ql)) {
            best.take(380, "family");
        } else if f.keywords.iter().any(|k| k.to_lowercase() == ql) {
            best.take(360, "family");
        }
    }
    best.0
}

/// Id, formulae, control code and HS codes.
fn codes(item: &Item, q: &str, best: &mut Best) {
    if item.id.eq_ignore_ascii_case(q) {
        best.take(1000, "id");
    }
    for f in &item.formulae {
        if f == q {
            best.take(950 + u32::from(f.len() > 2) * 10, "formula");
        } else if f.eq_ignore_ascii_case(q) {
            best.take(800, "formula");
        } else if q.len() >= 3 && f.contains(q) {
            best.take(300, "formula");
        }
    }
    if let Some(code) = &item.control_code {
        let (cu, qu) = (code.to_ascii_uppercase(), q.to_ascii_uppercase());
        if cu == qu {
            best.take(920, "control_code");
        } else if qu.len() >= 3 && cu.starts_with(&qu) {
            best.take(880, "control_code");
        }
    }
    let digits: String = q.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()) {
        for h in &item.hs_codes {
            if h.code == digits {
                best.take(930, "hs_code");
            } else if h.code.starts_with(&digits) {
                best.take(700 + digits.len() as u32 * 10, "hs_code");
            } else if digits.len() > h.code.len() && digits.starts_with(&h.code) {
                best.take(690, "hs_code");
            }
        }
        // declared in practice, not a reference code: below every reference code
        if item.declared_hs.iter().any(|h| h.starts_with(&digits)) {
            best.take(640, "declared_hs");
        }
    }
}

/// English and Chinese names and keywords (`ql`: the query in lower case).
fn names(item: &Item, q: &str, ql: &str, best: &mut Best) {
    let name = item.name_en.to_lowercase();
    if name == ql {
        best.take(900, "name");
    } else if name.starts_with(ql) {
        best.take(760, "name");
    } else if word_start(&name, ql) {
        best.take(620, "name");
    } else if ql.chars().count() >= 3 && name.contains(ql) {
        best.take(480, "name");
    }
    if !item.name_zh.is_empty() {
        if item.name_zh == q {
            best.take(900, "name_zh");
        } else if item.name_zh.contains(q) {
            best.take(600 + u32::from(item.name_zh.starts_with(q)) * 20, "name_zh");
        }
    }
    for g in &item.generic_keywords {
        if g.to_lowercase() == ql {
            best.take(800, "keyword");
        }
    }
    for k in &item.keywords {
        let kl = k.to_lowercase();
        if kl == ql {
            best.take(780, "keyword");
        } else if word_start(&kl, ql) {
            best.take(540, "keyword");
        } else if ql.chars().count() >= 2 && kl.contains(ql) {
            best.take(440, "keyword");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    fn ids(q: &str) -> Vec<String> {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        search(&pack, q).into_iter().map(|h| h.item_id).collect()
    }

    #[test]
    fn a_word_typed_with_a_slip_finds_its_items_and_nothing_else_loosens() {
        assert_eq!(ids("galium")[0], "ga-metal");
        assert!(
            ids("galium").iter().all(|i| i.starts_with("ga-")),
            "{:?}",
            ids("galium")
        );
        assert!(ids("germainum").iter().all(|i| i.starts_with("ge-")));
        assert!(!ids("germainum").is_empty());
        assert!(ids("antimny").iter().any(|i| i == "sb-metal"));
        // too short or too far: nothing, never the whole pack
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        assert!(
            near_misses(&pack, "gla").is_empty(),
            "three letters are never loosened"
        );
        assert!(ids("xyzzyq").is_empty());
        // an exact match keeps its place: no near miss is added to it
        assert!(ids("gallium").iter().all(|i| i.starts_with("ga-")));
    }

    #[test]
    fn the_five_queries() {
        assert_eq!(ids("gallium")[0], "ga-metal");
        assert!(ids("gallium").iter().take(8).all(|i| i.starts_with("ga-")));
        assert_eq!(ids("镓")[0], "ga-metal");
        assert_eq!(ids("GaAs")[0], "ga-arsenide");
        assert_eq!(ids("Sb2O3")[0], "sb-oxide");
        let hs = ids("2825");
        for id in ["ga-oxide", "ge-dioxide", "sb-oxide", "w-oxide"] {
            assert!(hs.iter().take(4).any(|i| i == id), "{id} in {hs:?}");
        }
        let cc = ids("1C117");
        assert_eq!(
            &cc[..4],
            ["w-apt", "w-oxide", "w-carbide", "w-solid"],
            "{cc:?}"
        );
        assert!(cc.iter().all(|i| i.starts_with("w-")), "{cc:?}");
    }

    #[test]
    fn other_queries() {
        assert_eq!(ids("1C905.a.4")[0], "re-dy-magnet");
        assert_eq!(ids("2825909001")[0], "ga-oxide");
        assert_eq!(ids("gallium arsenide")[0], "ga-arsenide");
        assert_eq!(ids("锑化铟")[0], "sb-insb");
        assert!(ids("no such thing zz").is_empty());
        assert_eq!(ids("").len(), ids("").len());
        assert!(ids("dysprosium magnet").contains(&"re-dy-magnet".to_string()));
    }

    #[test]
    fn an_hs_prefix_finds_the_magnets_declared_under_it_and_chinese_finds_tungsten() {
        for q in ["8505", "850511", "8505111000", "8505.11"] {
            let found = ids(q);
            assert_eq!(
                found[..2],
                ["re-tb-magnet", "re-dy-magnet"],
                "{q}: {found:?}"
            );
        }
        assert!(ids("8506").is_empty());
        let w = ids("钨");
        assert!(w.len() >= 5, "{w:?}");
        assert!(w.iter().all(|i| i.starts_with("w-")), "{w:?}");
        assert!(ids("钨").contains(&"w-oxide".to_string()));
        assert_eq!(ids("氧化钨")[0], "w-oxide");
    }
}

//! The semantic checks of a rule pack: ids unique and known, dates in order, element
//! symbols, measurement names, country codes, HS codes and source URLs. Pure.

use std::collections::HashSet;

use super::elements::is_element_symbol;
use super::measurements::is_known_measurement;
use super::pack::RulePack;
use crate::domain::is_country;

/// Problems found: (text to locate each by, reason).
pub(super) type Problems = Vec<(String, String)>;

impl RulePack {
    /// Semantic checks; each problem is (text to locate it by, reason), in the order the
    /// pack's sections come.
    pub(super) fn check(&self, out: &mut Problems) {
        self.check_header(out);
        let families: HashSet<&str> = self.families.iter().map(|f| f.id.as_str()).collect();
        self.check_families(out);
        let anns = self.check_announcements(out);
        // rule ids (items, clauses, red flags) share one namespace: a hit cites one
        let mut rule_ids = HashSet::new();
        self.check_clauses(&anns, &families, &mut rule_ids, out);
        self.check_suspensions(&anns, out);
        self.check_items(&anns, &families, &mut rule_ids, out);
        self.check_red_flags(&mut rule_ids, out);
        self.check_parties(&anns, &mut rule_ids, out);
    }

    fn check_header(&self, out: &mut Problems) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        if self.pack.version.trim().is_empty() {
            bad("version", "pack.version must not be empty".into());
        }
        if self.pack.title.trim().is_empty() {
            bad("title", "pack.title must not be empty".into());
        }
    }

    fn check_families(&self, out: &mut Problems) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        let mut seen = HashSet::new();
        for f in &self.families {
            if !seen.insert(f.id.as_str()) {
                bad(&quoted(&f.id), format!("family id {} is used twice", f.id));
            }
            if f.name_en.trim().is_empty() {
                bad(&quoted(&f.id), format!("family {}: name_en is empty", f.id));
            }
            for el in &f.elements {
                if !is_element_symbol(el) {
                    bad(
                        &quoted(el),
                        format!("family {}: '{el}' is not an element symbol", f.id),
                    );
                }
            }
        }
    }

    /// The announcement ids.
    fn check_announcements(&self, out: &mut Problems) -> HashSet<&str> {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        let mut anns = HashSet::new();
        for a in &self.announcements {
            if !anns.insert(a.id.as_str()) {
                bad(
                    &quoted(&a.id),
                    format!("announcement id {} is used twice", a.id),
                );
            }
            if a.number.trim().is_empty() || a.title.trim().is_empty() {
                bad(
                    &quoted(&a.id),
                    format!("announcement {}: number and title must not be empty", a.id),
                );
            }
            if a.sources.is_empty() {
                bad(
                    &quoted(&a.id),
                    format!("announcement {}: needs at least one source URL", a.id),
                );
            }
            check_urls(&a.id, &a.sources, &mut bad);
            if let (Some(eff), Some(to)) = (a.effective, a.valid_to)
                && to < eff
            {
                bad(
                    &quoted(&a.id),
                    format!(
                        "announcement {}: valid_to {to} is before effective {eff}",
                        a.id
                    ),
                );
            }
        }
        anns
    }

    fn check_clauses<'p>(
        &'p self,
        anns: &HashSet<&str>,
        families: &HashSet<&str>,
        rule_ids: &mut HashSet<&'p str>,
        out: &mut Problems,
    ) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        for c in &self.clauses {
            if !rule_ids.insert(c.id.as_str()) {
                bad(&quoted(&c.id), format!("rule id {} is used twice", c.id));
            }
            if !anns.contains(c.announcement.as_str()) {
                bad(
                    &quoted(&c.id),
                    format!("clause {}: unknown announcement '{}'", c.id, c.announcement),
                );
            }
            if let Some(country) = &c.country
                && !is_country(country)
            {
                bad(
                    &quoted(&c.id),
                    format!(
                        "clause {}: '{country}' is not an ISO 3166 alpha-2 code",
                        c.id
                    ),
                );
            }
            for f in &c.families {
                if !families.contains(f.as_str()) {
                    bad(
                        &quoted(&c.id),
                        format!("clause {}: unknown family '{f}'", c.id),
                    );
                }
            }
            if let Some(to) = c.valid_to
                && to < c.valid_from
            {
                bad(
                    &quoted(&c.id),
                    format!(
                        "clause {}: valid_to {to} is before valid_from {}",
                        c.id, c.valid_from
                    ),
                );
            }
            if c.text.trim().is_empty() {
                bad(&quoted(&c.id), format!("clause {}: text is empty", c.id));
            }
        }
    }

    fn check_suspensions(&self, anns: &HashSet<&str>, out: &mut Problems) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        for s in &self.suspensions {
            let at = quoted(&s.target);
            if !anns.contains(s.target.as_str()) {
                bad(
                    &at,
                    format!("suspension: unknown announcement '{}'", s.target),
                );
            }
            if !anns.contains(s.by.as_str()) {
                bad(
                    &quoted(&s.by),
                    format!(
                        "suspension of {}: unknown announcement '{}' in `by`",
                        s.target, s.by
                    ),
                );
            }
            if s.end < s.start {
                bad(
                    &at,
                    format!(
                        "suspension of {}: end {} is before start {}",
                        s.target, s.end, s.start
                    ),
                );
            }
            if let Some(cl) = &s.clause {
                let found = self.clauses.iter().any(|c| {
                    c.announcement == s.target
                        && (c.id == *cl || c.clause_no.as_deref() == Some(cl))
                });
                if !found {
                    bad(
                        &at,
                        format!(
                            "suspension of {}: no clause '{cl}' in that announcement",
                            s.target
                        ),
                    );
                }
            }
        }
    }

    fn check_items<'p>(
        &'p self,
        anns: &HashSet<&str>,
        families: &HashSet<&str>,
        rule_ids: &mut HashSet<&'p str>,
        out: &mut Problems,
    ) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        for i in &self.items {
            let at = quoted(&i.id);
            if !rule_ids.insert(i.id.as_str()) {
                bad(&at, format!("rule id {} is used twice", i.id));
            }
            if !anns.contains(i.announcement.as_str()) {
                bad(
                    &at,
                    format!("item {}: unknown announcement '{}'", i.id, i.announcement),
                );
            }
            if !families.contains(i.family.as_str()) {
                bad(&at, format!("item {}: unknown family '{}'", i.id, i.family));
            }
            if i.name_en.trim().is_empty() {
                bad(&at, format!("item {}: name_en is empty", i.id));
            }
            if i.sources.is_empty() {
                bad(&at, format!("item {}: needs at least one source URL", i.id));
            }
            check_urls(&i.id, &i.sources, &mut bad);
            for h in &i.hs_codes {
                for code in std::iter::once(&h.code).chain(h.misprint_of.iter()) {
                    if !code.chars().all(|c| c.is_ascii_digit()) || !(4..=10).contains(&code.len())
                    {
                        bad(
                            &quoted(code),
                            format!("item {}: HS code '{code}' must be 4 to 10 digits", i.id),
                        );
                    }
                }
            }
            for el in &i.elements {
                if !is_element_symbol(el) {
                    bad(
                        &quoted(el),
                        format!("item {}: '{el}' is not an element symbol", i.id),
                    );
                }
            }
            if !(0.0..=100.0).contains(&i.element_min_pct) {
                bad(
                    &at,
                    format!("item {}: element_min_pct must be 0 to 100", i.id),
                );
            }
            if i.family_primary && i.elements.is_empty() {
                bad(
                    &at,
                    format!("item {}: family_primary needs `elements`", i.id),
                );
            }
            for c in &i.criteria {
                if !is_known_measurement(&c.measurement) {
                    bad(
                        &quoted(&c.measurement),
                        format!(
                            "item {}: unknown measurement '{}' (see the measurement list in the README)",
                            i.id, c.measurement
                        ),
                    );
                }
                if !c.value.is_finite() {
                    bad(
                        &at,
                        format!(
                            "item {}: threshold of {} is not a number",
                            i.id, c.measurement
                        ),
                    );
                }
            }
        }
    }

    fn check_red_flags<'p>(&'p self, rule_ids: &mut HashSet<&'p str>, out: &mut Problems) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        for r in &self.red_flags {
            if !rule_ids.insert(r.id.as_str()) {
                bad(&quoted(&r.id), format!("rule id {} is used twice", r.id));
            }
            if r.title.trim().is_empty() || r.guidance.trim().is_empty() {
                bad(
                    &quoted(&r.id),
                    format!("red flag {}: title and guidance must not be empty", r.id),
                );
            }
        }
    }
}

fn check_urls(id: &str, urls: &[String], bad: &mut impl FnMut(&str, String)) {
    for u in urls {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            bad(
                &quoted(u),
                format!("{id}: source '{u}' is not an http(s) URL"),
            );
        }
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

//! Parsing and checking a rule pack: TOML errors and semantic errors both come back
//! as `file:line: reason`. Pure.

use std::collections::HashSet;

use super::elements::is_element_symbol;
use super::measurements::is_known_measurement;
use super::pack::RulePack;
use crate::domain::is_country;

/// Why a rule pack was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct PackError {
    pub file: String,
    /// 1-based line; 1 when the problem has no better place.
    pub line: usize,
    pub reason: String,
}

impl RulePack {
    /// Parses and validates a rule pack. `file_name` is only used in error messages.
    pub fn parse(text: &str, file_name: &str) -> Result<RulePack, PackError> {
        let pack: RulePack = toml::from_str(text).map_err(|e| PackError {
            file: file_name.to_string(),
            line: e.span().map(|s| line_at(text, s.start)).unwrap_or(1),
            reason: e.message().trim().to_string(),
        })?;
        let mut problems = Vec::new();
        pack.check(&mut problems);
        match problems.into_iter().next() {
            None => Ok(pack),
            Some((needle, reason)) => Err(PackError {
                file: file_name.to_string(),
                line: line_of(text, &needle),
                reason,
            }),
        }
    }

    /// Semantic checks; each problem is (text to locate it by, reason).
    fn check(&self, out: &mut Vec<(String, String)>) {
        let mut bad = |needle: &str, reason: String| out.push((needle.to_string(), reason));
        if self.pack.version.trim().is_empty() {
            bad("version", "pack.version must not be empty".into());
        }
        if self.pack.title.trim().is_empty() {
            bad("title", "pack.title must not be empty".into());
        }
        let families: HashSet<&str> = self.families.iter().map(|f| f.id.as_str()).collect();
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
        // rule ids (items, clauses, red flags) share one namespace: a hit cites one
        let mut rule_ids = HashSet::new();
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

/// 1-based line of byte offset `at`.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// 1-based line of the first occurrence of `needle` (1 when absent).
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle).map(|at| line_at(text, at)).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    #[test]
    fn embedded_pack_is_valid() {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        assert!(pack.items.len() >= 80, "{} items", pack.items.len());
        assert_eq!(pack.red_flags.len(), 10);
    }

    #[test]
    fn toml_error_has_line() {
        let text = "[pack]\nversion = \"1\"\npublished = \"2026-13-01\"\ntitle = \"x\"\n";
        let e = RulePack::parse(text, "p.toml").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("p.toml", 3), "{e}");
    }

    #[test]
    fn unknown_field_is_refused_with_its_line() {
        let text =
            "[pack]\nversion = \"1\"\npublished = \"2026-01-01\"\ntitle = \"x\"\ncolour = 1\n";
        let e = RulePack::parse(text, "p.toml").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.reason.contains("colour"), "{e}");
    }

    fn with_item(extra: &str) -> String {
        format!(
            "[pack]\nversion = \"1\"\npublished = \"2026-01-01\"\ntitle = \"t\"\n\
             [[families]]\nid = \"gallium\"\nname_en = \"Gallium\"\n\
             [[announcements]]\nid = \"a\"\nnumber = \"2023 No. 23\"\ntitle = \"t\"\nissuers = [\"MOFCOM\"]\n\
             published = \"2023-07-03\"\neffective = \"2023-08-01\"\nstatus = \"in_force\"\nsources = [\"https://x\"]\n\
             [[items]]\nid = \"ga\"\nfamily = \"gallium\"\nannouncement = \"a\"\nname_en = \"Gallium\"\n\
             sources = [\"https://x\"]\n{extra}"
        )
    }

    #[test]
    fn semantic_errors_name_the_line() {
        RulePack::parse(&with_item(""), "p").unwrap();
        let e = RulePack::parse(&with_item("hs_codes = [{ code = \"28AB\" }]\n"), "p").unwrap_err();
        assert!(e.reason.contains("28AB") && e.line == 23, "{e}");
        let e = RulePack::parse(
            &with_item("criteria = [{ measurement = \"purity\", op = \">\", value = 1.0 }]\n"),
            "p",
        )
        .unwrap_err();
        assert!(e.reason.contains("unknown measurement 'purity'"), "{e}");
        let text = with_item("").replace("announcement = \"a\"", "announcement = \"zz\"");
        let e = RulePack::parse(&text, "p").unwrap_err();
        assert!(
            e.reason.contains("unknown announcement 'zz'") && e.line == 18,
            "{e}"
        );
        let text = format!(
            "{}[[items]]\nid = \"ga\"\nfamily = \"gallium\"\nannouncement = \"a\"\nname_en = \"G\"\nsources = [\"https://x\"]\n",
            with_item("")
        );
        assert!(
            RulePack::parse(&text, "p")
                .unwrap_err()
                .reason
                .contains("used twice")
        );
        let text =
            with_item("").replace("name_en = \"Gallium\"\nsources", "name_en = \" \"\nsources");
        assert!(
            RulePack::parse(&text, "p")
                .unwrap_err()
                .reason
                .contains("name_en is empty")
        );
        let text = format!(
            "{}[[suspensions]]\ntarget = \"a\"\nby = \"a\"\nstart = \"2025-01-02\"\nend = \"2025-01-01\"\n",
            with_item("")
        );
        assert!(
            RulePack::parse(&text, "p")
                .unwrap_err()
                .reason
                .contains("before start")
        );
    }
}

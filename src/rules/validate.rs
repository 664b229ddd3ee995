//! Parsing and checking a rule pack: TOML errors and semantic errors both come back
//! as `file:line: reason`. Pure.

use super::pack::RulePack;

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

//! A listed party as of a date: its list and what the listing prohibits, its names and
//! aliases, the listing announcement, dates, standing and suspension windows, and what
//! the sources leave UNCONFIRMED. `minspect rules show <party id>` prints it and the
//! console's Rules tab shows it. Values are the pack's own: renderers sanitize.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::rule_detail::{SuspensionLine, announcement_suspensions, find_announcement};
use crate::domain::{Lang, sanitize};
use crate::rules::pack::{Announcement, RulePack};
use crate::rules::party::{Party, PartyList};
use crate::rules::{Standing, Verdict, party_standing};
use crate::t;

#[derive(Debug, Clone, PartialEq)]
pub struct PartyDetail<'p> {
    pub party: &'p Party,
    pub list: Option<&'p PartyList>,
    pub announcement: Option<&'p Announcement>,
    pub standing: Standing,
    pub as_of: NaiveDate,
    pub suspensions: Vec<SuspensionLine<'p>>,
}

impl<'p> PartyDetail<'p> {
    pub fn of(pack: &'p RulePack, party: &'p Party, as_of: NaiveDate) -> PartyDetail<'p> {
        PartyDetail {
            party,
            list: pack.party_lists.iter().find(|l| l.id == party.list),
            announcement: find_announcement(pack, &party.announcement),
            standing: party_standing(pack, party, as_of),
            as_of,
            suspensions: announcement_suspensions(pack, &party.announcement),
        }
    }

    /// The party by id, as of `as_of`.
    pub fn find(pack: &'p RulePack, id: &str, as_of: NaiveDate) -> Option<PartyDetail<'p>> {
        let p = pack
            .parties
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(id))?;
        Some(PartyDetail::of(pack, p, as_of))
    }

    /// The verdict a strong match gives.
    pub fn effect(&self) -> Verdict {
        match (self.party.effect, self.list) {
            (Some(e), _) => e.into(),
            (None, Some(l)) => l.effect.into(),
            (None, None) => Verdict::NeedsReview,
        }
    }

    fn status(&self, lang: Lang) -> String {
        match &self.standing {
            Standing::InForce => t!(lang, "party-status-in_force"),
            Standing::NotYet { from } => t!(lang, "party-status-not_yet", from = from.to_string()),
            Standing::Suspended { by, until } => t!(
                lang,
                "party-status-suspended",
                by = by.as_str(),
                until = until.to_string()
            ),
            Standing::Ended { last_day } => {
                t!(lang, "party-status-ended", last_day = last_day.to_string())
            }
            Standing::Never => t!(lang, "party-status-never"),
        }
    }

    /// (label, value) lines in `lang`, sanitized; empty values left out.
    pub fn lines(&self, lang: Lang) -> Vec<(String, String)> {
        let p = self.party;
        let zh = lang == Lang::Zh;
        let pick = |en: &str, zh_text: &str| match (zh, zh_text.trim()) {
            (true, z) if !z.is_empty() => z.to_string(),
            _ => en.to_string(),
        };
        let list = self
            .list
            .map(|l| pick(&l.name_en, &l.name_zh))
            .unwrap_or_else(|| p.list.clone());
        let ann = self
            .announcement
            .map(|a| match zh && !a.title_zh.is_empty() {
                true => format!("{} ({})", a.title_zh, a.number),
                false => format!("{} ({})", a.number, a.title),
            })
            .unwrap_or_else(|| p.announcement.clone());
        let suspended: Vec<String> = self
            .suspensions
            .iter()
            .map(|x| {
                t!(
                    lang,
                    "party-suspension",
                    start = x.suspension.start.to_string(),
                    end = x.suspension.end.to_string(),
                    by = x.by.as_str()
                )
            })
            .collect();
        let (unconf, sources) = self.unconfirmed_and_sources();
        let rows = [
            (
                "party-detail-names",
                [p.name_en.as_str(), p.name_zh.as_str()]
                    .iter()
                    .filter(|n| !n.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" / "),
            ),
            ("party-detail-aliases", p.aliases.join("; ")),
            ("party-detail-list", list),
            (
                "party-detail-effect",
                t!(lang, &format!("verdict-{}", self.effect().as_str())),
            ),
            (
                "party-detail-prohibits",
                self.list
                    .map(|l| pick(&l.prohibits, &l.prohibits_zh))
                    .unwrap_or_default(),
            ),
            (
                "party-detail-basis",
                self.list.map(|l| l.basis.clone()).unwrap_or_default(),
            ),
            (
                "party-detail-country",
                p.country.clone().unwrap_or_default(),
            ),
            ("party-detail-announcement", ann),
            ("party-detail-listed", p.listed.to_string()),
            ("party-detail-effective", p.effective_from().to_string()),
            (
                "party-detail-status",
                format!("{} ({})", self.status(lang), self.as_of),
            ),
            ("party-detail-suspensions", suspended.join("; ")),
            ("party-detail-notes", p.notes.clone()),
            ("party-detail-unconfirmed", unconf.join("; ")),
            ("party-detail-sources", sources.join(" ")),
        ];
        rows.into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(id, v)| (t!(lang, id), sanitize(&v).into_owned()))
            .collect()
    }

    /// The party's and its announcement's UNCONFIRMED facts and sources, each once.
    fn unconfirmed_and_sources(&self) -> (Vec<String>, Vec<String>) {
        let p = self.party;
        let mut unconf = p.unconfirmed.clone();
        unconf.extend(self.announcement.iter().flat_map(|a| a.unconfirmed.clone()));
        let mut sources = p.sources.clone();
        for src in self.announcement.iter().flat_map(|a| a.sources.iter()) {
            if !sources.contains(src) {
                sources.push(src.clone());
            }
        }
        (unconf, sources)
    }

    /// Machine output (keys and values never change with the language).
    pub fn to_json(&self) -> Value {
        let p = self.party;
        json!({
            "kind": "party", "id": p.id, "list": p.list,
            "list_kind": self.list.map(|l| l.kind.as_str()),
            "effect": self.effect().as_str(),
            "name_en": p.name_en, "name_zh": p.name_zh, "aliases": p.aliases,
            "country": p.country,
            "announcement": self.announcement.map(|a| a.number.clone()),
            "listed": p.listed.to_string(), "effective": p.effective_from().to_string(),
            "valid_to": p.valid_to.map(|d| d.to_string()),
            "as_of": self.as_of.to_string(), "standing": self.standing,
            "suspensions": self.suspensions.iter().map(|x| json!({
                "start": x.suspension.start.to_string(), "end": x.suspension.end.to_string(), "by": x.by,
            })).collect::<Vec<_>>(),
            "prohibits": self.list.map(|l| l.prohibits.clone()),
            "notes": p.notes, "unconfirmed": p.unconfirmed, "sources": p.sources,
        })
    }
}

//! The seizure receipt handed to the exporter: shipment, goods, quantities, seals,
//! legal basis (each cited rule named with its kind, announcement and control code) and custody transfers. Built once as
//! a [`Receipt`] (a list of blocks), rendered as Markdown or plain text. Every value
//! passes `domain::sanitize`.

mod attachments;
mod basis;
mod block;
mod build;
mod render;

pub use block::ReceiptBlock;

use crate::domain::{Clock, Lang, Record};
use crate::i18n;
use crate::rules::RulePack;

/// The language(s) a receipt is worded in: one, or Chinese with English beside each label
/// and below each sentence (the exporter's copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
    pub bilingual: bool,
}

impl Words {
    pub const ENGLISH: Words = Words {
        lang: Lang::En,
        bilingual: false,
    };

    /// `text(lang)` in the receipt's language, or `zh{sep}en` when bilingual.
    pub fn each(self, text: impl Fn(Lang) -> String, sep: &str) -> String {
        match self.bilingual {
            true => format!("{}{sep}{}", text(Lang::Zh), text(Lang::En)),
            false => text(self.lang),
        }
    }

    /// A label or heading: `货物 / Goods` when bilingual.
    pub fn label(self, id: &str) -> String {
        self.each(|l| i18n::text(l, id), " / ")
    }

    /// A sentence: Chinese with English on the line below when bilingual.
    pub fn para(self, id: &str) -> String {
        self.each(|l| i18n::text(l, id), "\n")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptFormat {
    Markdown,
    Text,
}

/// A seizure receipt, computed once; [`Receipt::render`] gives Markdown or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub blocks: Vec<ReceiptBlock>,
}

impl Receipt {
    /// The receipt for the seizures of `record` (or only `seizure_id`), times shown in
    /// the clock's zone with the offset. Err when there is no seizure to give a receipt
    /// for.
    pub fn build(
        record: &Record,
        seizure_id: Option<&str>,
        pack: Option<&RulePack>,
        clock: &Clock,
    ) -> Result<Receipt, String> {
        Self::build_in(record, seizure_id, pack, clock, Words::ENGLISH)
    }

    /// The receipt worded in `words` (one language, or bilingual for the exporter).
    pub fn build_in(
        record: &Record,
        seizure_id: Option<&str>,
        pack: Option<&RulePack>,
        clock: &Clock,
        words: Words,
    ) -> Result<Receipt, String> {
        Ok(Receipt {
            blocks: build::blocks(record, seizure_id, pack, clock, words)?,
        })
    }

    /// The receipt naming its inspecting officer (name and badge) first under the
    /// inspection, when `who` (the device's officer) is the one who recorded `record`.
    pub fn with_officer(
        mut self,
        record: &Record,
        who: Option<&crate::store::Identity>,
        w: Words,
    ) -> Receipt {
        let Some(who) =
            who.filter(|i| record.inspection.meta_str("officer_id") == Some(i.officer_id.as_str()))
        else {
            return self;
        };
        let heading = ReceiptBlock::Heading(2, w.label("receipt-inspection"));
        let at = self.blocks.iter().position(|b| *b == heading);
        if let Some(ReceiptBlock::Fields(fields)) = at.and_then(|i| self.blocks.get_mut(i + 1)) {
            let name = crate::domain::sanitize(who.officer_name.trim()).into_owned();
            let badge = crate::domain::sanitize(who.badge.trim()).into_owned();
            let text = w.each(
                |l| {
                    crate::t!(
                        l,
                        "receipt-officer-is",
                        name = name.as_str(),
                        badge = badge.as_str()
                    )
                },
                " / ",
            );
            fields.insert(0, (w.label("receipt-officer"), text));
        }
        self
    }

    /// The receipt of a training file: TRAINING - NOT AN OFFICIAL RECORD first.
    pub fn marked_training(mut self, lang: crate::domain::Lang) -> Receipt {
        let mark = crate::i18n::text(lang, "receipt-training-mark");
        self.blocks.insert(0, ReceiptBlock::Para(mark));
        self
    }

    pub fn render(&self, format: ReceiptFormat) -> String {
        match format {
            ReceiptFormat::Markdown => render::render_markdown(&self.blocks),
            ReceiptFormat::Text => render::render_text(&self.blocks),
        }
    }
}

//! The seizure receipt handed to the exporter: shipment, goods, quantities, seals,
//! legal basis (rule ids with their announcements) and custody transfers. Built once as
//! a [`Receipt`] (a list of blocks), rendered as Markdown or plain text. Every value
//! passes `domain::sanitize`.

mod block;
mod build;
mod render;

pub use block::ReceiptBlock;

use crate::domain::{Clock, Record};
use crate::rules::RulePack;

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
        Ok(Receipt {
            blocks: build::blocks(record, seizure_id, pack, clock)?,
        })
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

//! The evidence attachments a receipt names: each file with its type, size and SHA-256
//! (the hash the record was finalized with), so the exporter's copy identifies the photos
//! and reports the seizure stands on.

use super::{Receipt, ReceiptBlock, Words};
use crate::domain::sanitize;
use crate::store::Attachment;

impl Receipt {
    /// The receipt with a section listing `list` (nothing when it is empty).
    pub fn with_attachments(mut self, list: &[Attachment], w: Words) -> Receipt {
        if list.is_empty() {
            return self;
        }
        self.blocks
            .push(ReceiptBlock::Heading(2, w.label("receipt-attachments")));
        let header = [
            "receipt-attachment-file",
            "receipt-attachment-type",
            "receipt-attachment-size",
            "receipt-attachment-sha256",
            "receipt-attachment-caption",
        ]
        .map(|id| w.label(id))
        .to_vec();
        let rows = list
            .iter()
            .map(|a| {
                vec![
                    sanitize(&a.file_name).into_owned(),
                    sanitize(&a.media_type).into_owned(),
                    a.size.to_string(),
                    a.sha256.clone(),
                    sanitize(&a.caption).into_owned(),
                ]
            })
            .collect();
        self.blocks.push(ReceiptBlock::Table(header, rows));
        self
    }
}

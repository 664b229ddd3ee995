//! The blocks a receipt is made of.

/// One block of a receipt, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptBlock {
    /// level (1 title, 2 section, 3 seizure) and text
    Heading(u8, String),
    Para(String),
    /// label, value
    Fields(Vec<(String, String)>),
    /// header, rows
    Table(Vec<String>, Vec<Vec<String>>),
}

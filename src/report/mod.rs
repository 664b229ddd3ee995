//! Queries turned into rows: CSV, Markdown and plain text.

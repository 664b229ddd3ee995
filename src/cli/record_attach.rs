//! `minspect record attach DRAFT_ID FILE [--caption TEXT]` and
//! `minspect record open-attachment ID SHA256 --out FILE [--force]`: evidence files of an
//! inspection, stored content-addressed and written back out for a viewer (never shown in
//! the terminal).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::record_show::json_out;
use super::{CliError, CliResult, open_existing};
use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum AttachCommand {
    /// Attach an evidence file (photo, XRF print-out, lab report) to a draft inspection
    Attach {
        /// Draft inspection (or its shipment) id
        id: String,
        file: PathBuf,
        #[arg(long)]
        caption: Option<String>,
        /// Media type for a file that is not PNG, JPEG or PDF (default application/octet-stream)
        #[arg(long = "type", value_name = "TYPE")]
        media_type: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write an attachment of a record out to a file, for a viewer
    OpenAttachment {
        /// Inspection, shipment or seizure id
        id: String,
        /// SHA-256 of the attachment (see `record show ID --json`)
        sha256: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Overwrite an existing --out file
        #[arg(long)]
        force: bool,
    },
}

/// `record attach` and `record open-attachment`.
pub(super) fn run(db: &Path, (read_only, lang): (bool, Lang), cmd: AttachCommand) -> CliResult {
    match cmd {
        AttachCommand::Attach {
            id,
            file,
            caption,
            media_type,
            json,
        } => attach(
            db,
            (read_only, lang),
            (&id, &file),
            (caption.as_deref(), media_type.as_deref()),
            json,
        ),
        AttachCommand::OpenAttachment {
            id,
            sha256,
            out,
            force,
        } => open_attachment(db, (read_only, lang), (&id, &sha256), (&out, force)),
    }
}

fn attach(
    db: &Path,
    (read_only, lang): (bool, Lang),
    (id, file): (&str, &Path),
    (caption, media_type): (Option<&str>, Option<&str>),
    json: bool,
) -> CliResult {
    if read_only {
        return Err(CliError::BadInput(t!(lang, "cli-read-only-writes")));
    }
    let mut store = open_existing(db, false, lang)?;
    let inspection = store.query().resolve_inspection(id)?;
    let a = store
        .records_mut()
        .attach_file(&inspection, file, caption.unwrap_or_default(), media_type)?
        .map_err(|m| CliError::BadInput(i18n::msg(lang, &m)))?;
    if json {
        return json_out(&a);
    }
    println!(
        "{}",
        t!(
            lang,
            "cli-attached",
            name = sanitize(&a.file_name).into_owned(),
            media_type = a.media_type.as_str(),
            size = a.size as i64,
            inspection = a.inspection_id.as_str(),
            sha256 = a.sha256.as_str()
        )
    );
    Ok(())
}

/// Creates `out` 0600 (refusing an existing file unless `force`).
fn create_out(out: &Path, force: bool, lang: Lang) -> CliResult<std::fs::File> {
    let mut opts = OpenOptions::new();
    opts.write(true);
    if force {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let file = opts.open(out).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => CliError::BadInput(t!(
            lang,
            "cli-attachment-out-exists",
            path = out.display().to_string()
        )),
        _ => CliError::Failed(t!(
            lang,
            "cli-writing",
            path = out.display().to_string(),
            error = e.to_string()
        )),
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| {
                CliError::Failed(t!(
                    lang,
                    "cli-writing",
                    path = out.display().to_string(),
                    error = e.to_string()
                ))
            })?;
    }
    Ok(file)
}

fn open_attachment(
    db: &Path,
    (read_only, lang): (bool, Lang),
    (id, sha256): (&str, &str),
    (out, force): (&Path, bool),
) -> CliResult {
    let store = open_existing(db, read_only, lang)?;
    let inspection = store.query().resolve_inspection(id)?;
    let sha256 = sha256.trim().to_ascii_lowercase();
    let Some(a) = store.records().attachment(&inspection, &sha256)? else {
        return Err(CliError::BadInput(t!(
            lang,
            "cli-attachment-none",
            inspection = inspection.as_str(),
            sha256 = sanitize(&sha256).into_owned()
        )));
    };
    let mut file = create_out(out, force, lang)?;
    let failed = |e: std::io::Error| {
        CliError::Failed(t!(
            lang,
            "cli-writing",
            path = out.display().to_string(),
            error = e.to_string()
        ))
    };
    let written = store
        .records()
        .read_content::<CliError>(&a.sha256, |bytes| file.write_all(bytes).map_err(failed))?;
    file.sync_all().map_err(failed)?;
    println!(
        "{}",
        t!(
            lang,
            "cli-attachment-written",
            size = written as i64,
            media_type = a.media_type.as_str(),
            path = out.display().to_string()
        )
    );
    Ok(())
}

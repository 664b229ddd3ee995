# minspect en/editor.ftl: the record editor's messages and questions (src/tui/screens/record).
editor-custody-after-finalize = custody transfers are appended to the seizures of a finalized record
editor-custody-problem = custody transfer: { $problem }
editor-custody-ask = Append the transfer from { $from } to { $to } at { $at } to the chain? It cannot be undone.
editor-already-finalized = this record is already finalized
editor-not-started = cannot finalize: the inspection is not started (C-n: Inspection section)
editor-finalize-ask = Finalize the record of { $title }? It becomes immutable, is added to this device's chain and queued for sync.
editor-cannot-finalize = { $count ->
    [one] cannot finalize: { $count } problem (listed on the right); the draft is saved
   *[other] cannot finalize: { $count } problems (listed on the right); the draft is saved
}
editor-checking = checking the draft: { $error }
editor-receipt-unsaved = nothing saved yet to give a receipt for
editor-receipt-path-empty = receipt path is empty; type a file name such as receipt.md
editor-receipt-written = Receipt written to { $path }.
editor-receipt-path-error = receipt path { $path }: { $error }
editor-amend-empty = amendment reason is empty; say what is corrected
editor-amend-started = Amendment started: a new draft that points at the original.
editor-receipt-no-seizure = this record has no seizure to give a receipt for
editor-amend-draft = only a finalized record is amended; this draft can still be edited
editor-draft-inspection = draft inspection
editor-draft-shipment = draft shipment
editor-discard-ask = Discard the { $what } { $title }? Its data stays in the audit log.
editor-drafts-error = open drafts: { $error }
editor-saving-shipment = saving the shipment: { $error }
editor-starting-inspection = starting the inspection: { $error }
editor-storing-screening = storing the screening: { $error }
editor-finalized-amend = this record is finalized; record an amendment instead
editor-rows-where = rows are added in Measurements, Findings and Seizures (C-n: next section)
editor-rows-final = finalized rows cannot be removed; record an amendment
editor-no-row = no row is selected here
editor-row-removed = Row removed (kept in the audit log).
editor-removing-row = removing the row: { $error }
editor-saving-draft = saving the draft: { $error }
editor-new-record = New record: it is saved as a draft from the first change.
editor-opening-record = opening the record: { $error }
editor-opening-shipment = opening the shipment: { $error }
editor-inspections-error = inspections of the shipment: { $error }

## The Shipments tab
ships-log-error = shipment log: { $error }
ships-detail-error = shipment detail: { $error }
ships-title = { $count ->
    [one] Shipments · { $count } rows
   *[other] Shipments · { $count } rows
}
ships-newer = ↑ newer
ships-older = ↓ older
ships-filter-hint = / filter: words  from:YYYY-MM-DD to:  dest:US  family:gallium  status:held
ships-none = no shipment matches
ships-detail-title = Shipment
ships-none-selected = no shipment selected
ships-col-date = date
ships-col-to = to
ships-col-hs = HS code
ships-col-declaration = declaration
ships-col-goods = exporter · goods
ships-col-family = family
ships-col-status = status

## The Sync tab
sync-state-error = reading the sync state: { $error }
sync-nothing-to-export = nothing to export: every finalized record is acknowledged
sync-op-export-dir = export directory
sync-op-receipt-file = receipt file
sync-op-bundle-file = bundle file
sync-path-empty = { $label }: type a path
sync-path-missing = { $label }: { $path } does not exist
sync-path-denied = { $label }: { $path } cannot be read (permission denied)
sync-path-not-dir = { $label }: { $path } is a file, not a directory
sync-path-is-dir = { $label }: { $path } is a directory; add the file's name
sync-export-confirm = Write the { $count } unacknowledged records into a bundle in { $path }? They are marked sent.
sync-ack-confirm = Apply the receipt { $path }? Records headquarters holds become acknowledged.
sync-import-confirm = Import the bundle { $path }? Its receipt is written beside it.

# minspect en/pending.ftl: what a confirmed write did (src/tui/pending.rs), on the status line.

pending-finalized = Finalized: chain record #{ $seq } ({ $hash }…), verdict { $verdict }, rule pack { $pack }.
pending-finalizing-failed = finalizing: { $error }
pending-custody-recorded = Custody transfer recorded: chain record #{ $seq }.
pending-custody-failed = custody transfer: { $error }
pending-discarded = Draft discarded (kept in the audit log).
pending-discard-failed = discarding: { $error }
pending-acknowledged = acknowledged { $records ->
    [one] 1 record
   *[other] { $records } records
}, { $reviews ->
    [one] 1 new review decision
   *[other] { $reviews } new review decisions
} (headquarters '{ $hq }' holds up to seq { $seq })
pending-imported = imported { $records ->
    [one] 1 new record
   *[other] { $records } new records
} of device '{ $device }' ({ $held } already held); receipt written to { $path }
pending-exported = exported { $records ->
    [one] 1 record
   *[other] { $records } records
} (seq { $from }..{ $to }) to { $path }
pending-removed-partials = ; removed { $count ->
    [one] 1 partial bundle
   *[other] { $count } partial bundles
} left by an interrupted export
pending-nothing-to-export = nothing to export: every finalized record is acknowledged
pending-io-missing = { $doing }: the file does not exist
pending-io-denied = { $doing }: permission denied (check the owner and mode)
pending-io-full = { $doing }: the disk is full
pending-io-other = { $doing }: { $error }

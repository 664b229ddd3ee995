# minspect en/cli.ftl: the headless subcommands' text output (`--json` never changes).
# Every id is in both languages (tests/architecture/catalogue.rs).

## Opening the database
cli-no-home = no home directory: pass --db PATH or set MINSPECT_DB
cli-no-database = no database at { $path }; create one with `minspect init` or start `minspect`
cli-no-subcommand = no subcommand
cli-writing-stdout = writing to standard output: { $error }
cli-creating = creating { $path }: { $error }
cli-writing = writing { $path }: { $error }
cli-cannot-read = { $name }: cannot read: { $error }

## init and db check
cli-init-exists = { $path } already exists; refusing to overwrite it
cli-empty-field = { $field }: must not be empty
cli-init-created = created { $kind } database { $db } for officer { $officer } (badge { $badge }) on device { $device } [{ $device_id }]
cli-check-damaged = DAMAGED: { $db } failed the integrity check: { $problems }
cli-check-marks = INCONSISTENT DELIVERY MARKS: { $db } passed the integrity check and its chains are whole, but at { $at }
cli-check-broken = BROKEN CHAIN: { $db } passed the integrity check but its hash chain breaks at { $at }
cli-check-ok = ok: { $db } passed the integrity check and the chain check ({ $records } records on { $devices ->
    [one] { $devices } device chain
   *[other] { $devices } device chains
})

## device, fixture, officer
cli-trusted = trusted: { $world } { $kind } device '{ $name }' [{ $device_id }] key { $key }
cli-already-trusted = already trusted: { $world } { $kind } device '{ $name }' [{ $device_id }] key { $key }
cli-upgraded = upgraded: { $world } { $kind } device '{ $name }' [{ $device_id }] key { $key }
cli-fixture-none = --shipments: give at least 1
cli-officer-added = added { $role } { $name } (badge { $badge }) [{ $id }]
cli-officer-added-login = added { $role } { $name } (badge { $badge }) acting as login '{ $login }' [{ $id }]
cli-officer-map-unchanged = { $name } (badge { $badge }) already acts as login '{ $login }'; nothing changed
cli-officer-mapped = mapped { $role } { $name } (badge { $badge }) to login '{ $login }' [{ $id }]
cli-officer-mapped-was = mapped { $role } { $name } (badge { $badge }) to login '{ $login }' (was '{ $old }') [{ $id }]

## record
cli-read-only-writes = --read-only: this command writes to the database
cli-import-read-only = --read-only: record import writes to the database
cli-no-pack = no rule pack is installed in this database
cli-no-drafts = no open drafts
cli-finalized = finalized inspection { $inspection } (device chain seq { $seq }, hash { $hash }, verdict { $verdict })
cli-import-problems = { $name }: { $count ->
    [one] 1 problem
   *[other] { $count } problems
}, nothing imported: { $problems }
cli-imported-finalized = imported and finalized inspection { $inspection } of shipment { $shipment } (seq { $seq }, verdict { $verdict }, { $transfers } custody transfer(s))
cli-imported-draft = imported draft inspection { $inspection } of shipment { $shipment }
cli-to-fix = to fix before finalizing: { $problem }
cli-show-head = inspection { $inspection } [{ $state }] of shipment { $shipment }
cli-show-seizure = seizure { $id } { $quantity } { $unit } of { $goods } ({ $transfers } custody transfers)
cli-receipt-written = receipt written to { $path }

## sync status (minspect sync status; the Sync tab's summary)
sync-status-device = device { $device } ({ $kind })
sync-status-counts = finalized { $finalized }  sent { $sent }  acknowledged { $acknowledged }  received { $received }
sync-status-oldest = oldest unacknowledged: seq { $seq } { $kind } { $record } ({ $state }, since { $since })
sync-status-oldest-none = oldest unacknowledged: none
sync-status-export = last export: { $at } seq { $from }..{ $to } { $path }
sync-status-export-never = last export: never
sync-status-receipt = last receipt: { $at } up to seq { $to } { $path }
sync-status-receipt-never = last receipt: never
sync-status-held = held for device '{ $name }' [{ $device }]: { $records } records, head seq { $head }
sync-never = never
sync-up-to-seq = up to seq { $seq }
sync-seq-range = seq { $from }..{ $to }  { $records ->
    [one] 1 record
   *[other] { $records } records
}
sync-last-receipt = last receipt
sync-last-export = last export
sync-summary-hq = { $name } · headquarters · received { $records } records from { $devices } devices
sync-summary-hq-hint = Import bundles from field devices here; each import writes a signed receipt.
sync-kind-training = training database (never exports)
sync-kind-field = field device
sync-summary-waiting = { $name } · { $kind } · waiting for headquarters: { $count } (oldest { $oldest })
sync-summary-waiting-none = { $name } · { $kind } · waiting for headquarters: 0
sync-summary-counts = finalized { $finalized }   sent { $sent }   acknowledged { $acknowledged }

## sync export, import, ack
sync-removed-partial = removed { $path }: a partial bundle left by an interrupted export
sync-exported = exported { $records } records (seq { $from }..{ $to }) of device { $device }
sync-nothing = nothing to export: every finalized record is acknowledged
sync-imported = imported device '{ $name }' [{ $device }] seq { $from }..{ $to }: { $new } new, { $held } already held; headquarters now holds up to seq { $head }; { $reviews } review decisions in the receipt
sync-acknowledged = acknowledged { $records } records (headquarters '{ $hq }' holds up to seq { $head }); { $reviews } new review decisions
sync-ack-review = { $decision } inspection { $inspection } by { $reviewer }: { $comment }

## rules list, search, import; screen
rules-embedded-invalid = the embedded rule pack is invalid: { $error }
rules-list-head = rule pack { $version } (published { $published }, from { $from }): { $items } items
rules-list-stale = CHECK: today ({ $date }) is more than { $days } days after the pack was published; the rules may have changed: confirm the current status and import a newer pack
rules-list-not-controlled = [not controlled]
rules-list-not-in-force = [not in force today]
rules-cli-no-match = no rule matches '{ $query }'
rules-matched = (matched { $matched })
rules-import-read-only = rules import: the database is open read-only
rules-import-cannot-read = { $path }: cannot read the rule pack: { $error }
rules-import-unchanged = rule pack { $version } is already installed; nothing changed
rules-import-done = installed rule pack { $version } (published { $published }, { $items } items) from { $source }
rules-import-replacing = installed rule pack { $version } (published { $published }, { $items } items) from { $source }, replacing { $previous }
screen-stdin = facts: cannot read standard input: { $error }
screen-cannot-read = facts: cannot read { $path }: { $error }
screen-json = writing the screening as JSON: { $error }

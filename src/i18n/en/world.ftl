## Live and training worlds: the training headquarters (`minspect training hq`)
world-hq-empty = { $flag }: must not be empty
world-hq-exists = { $file } already exists; nothing was written
world-hq-created = created the training headquarters { $file }: device { $device } [{ $id }], supervisor { $supervisor } (badge { $badge }); it trusts training laptops only and refuses live keys, bundles and receipts
world-hq-next = next: `minspect --db { $file } device export-key --out training-hq.key` and `device trust training-hq.key` on each training laptop; trust each laptop's key here with `device trust`

## The Sync tab in the training world: it speaks of the training headquarters only
world-sync-laptop-waiting = { $device } · TRAINING laptop · waiting for the training headquarters: { $count } (oldest { $oldest })
world-sync-laptop-none = { $device } · TRAINING laptop · waiting for the training headquarters: 0
world-sync-counts = finalized { $finalized }   sent { $sent }   acknowledged { $acknowledged }
world-sync-hq-title = { $device } · TRAINING headquarters · received { $received } records from { $devices } laptops
world-sync-hq-hint = Import bundles from training laptops here; live devices' bundles are refused.
world-sync-queued = Queued for the training headquarters ({ $count })
world-sync-queued-first = Queued for the training headquarters (first { $shown } of { $count })
world-sync-nothing-waiting = Nothing is waiting: the training headquarters acknowledged every finalized record.
world-sync-decisions-from-hq = Review decisions from the training headquarters ({ $count } in all) · Enter opens the record
world-sync-held-title = Held for training laptops ({ $count })
world-sync-nothing-received = Nothing received yet: import a training laptop's bundle (i).
world-sync-export-title = Export to the training headquarters
world-sync-ack-ask = The receipt file the training headquarters wrote for this laptop:
world-sync-import-ask = The bundle file a training laptop exported (its receipt is written beside it):

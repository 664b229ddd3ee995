# minspect en/training.ftl: trainers and trainees: `minspect training`, the briefing and
# debrief windows, readings taken in a training file, the training Sync tab.
# Every id is in both languages (tests/architecture/catalogue.rs).

## minspect training (CLI)
training-reset-done = { $file } is back to its starting state; the attempt is kept as { $kept }
training-key-changed = warning: { $file }: the answer key of scenario { $scenario } changed since the file was made; graded against the current key
training-pick-none = --scenario: name a scenario (or give --all); `minspect training list` shows them
training-unknown-scenario = --scenario: there is no scenario '{ $name }'; `minspect training list` shows them
training-list-row = { $id }  difficulty { $difficulty}  { $points } points  { $title }
training-trainee-empty = --trainee: give the trainee's name
training-created = created { $file } for { $trainee }: { $scenarios } scenarios, { $shipments } shipments waiting to be inspected (device { $device })
training-class-exists = { $file } already exists; nothing was written
training-class-row = { $file }  { $trainee }  { $badge }  device { $device }
training-not-finalized = not finalized
training-duration = { $minutes } min { $seconds } s from opening to finalizing
training-duration-unknown = finalized, never opened in the console
training-col-item = item
training-col-expected = key
training-col-done = trainee
training-col-points = points
training-col-rule = rule
training-col-why = why
training-grade-trainee = { $trainee } ({ $file }): { $points } / { $max } points
training-grade-shipment = { $scenario } · { $title } · shipment { $shipment }: { $points } / { $max } · { $time }
training-summary-title = Class summary: the items missed most
training-summary-none = Nothing was missed.
training-summary-row = { $missed } of { $of } missed { $item } ({ $scenario }, shipment { $shipment })

## The console
action-take_reading = take the next reading of the scenario's instruments (training)
action-training_briefing = show the training briefing again
key-take-reading = take a reading (training)
key-briefing = training briefing
training-briefing-title = TRAINING · Briefing
training-briefing-for = Training file of { $trainee }: nothing here is live data.
training-briefing-date = The training world's date: { $date }
training-briefing-shipment = Shipment { $reference }, declaration { $declaration }: waiting to be inspected (Shipments tab, i).
training-seal-intact = intact
training-seal-broken = broken
training-seal-mismatch = not the number declared
training-briefing-seal = • Seal { $number }: { $state }
training-briefing-readings = • { $count } readings can be taken at the goods: Ctrl-X in the record's Measurements section takes the next.
training-briefing-keys = F4 shows this briefing again.
training-panel-keys = Esc / Enter: close    ↑ ↓ PgUp PgDn: scroll
training-debrief-title = TRAINING · Debrief
training-debrief-score = { $title }, shipment { $shipment }: { $points } / { $max } points
training-debrief-nothing = nothing
training-debrief-item = { $mark } { $item }: key { $expected } · you { $done } · { $points }/{ $max }
training-not-a-training-file = This is not a training file: it has no briefing.
training-reading-taken = Reading taken: { $label } ({ $left } left)
training-reading-none-left = Every reading of this shipment is in the record.
training-reading-no-draft = Readings go into a draft record: open the shipment first.
training-reading-not-training = Readings come from a training scenario; this shipment is not one.

## Receipts and reports of a training file
receipt-training-mark = TRAINING - NOT AN OFFICIAL RECORD

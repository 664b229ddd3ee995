# minspect en/chrome.ftl: the frame: tabs, status bar, help, palette, dialogs, language.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Tabs, title and status bar
tab-rules = Rules
tab-shipments = Shipments
tab-record = Record
tab-sync = Sync
status-read-only = READ-ONLY
status-not-set-up = not set up
status-pending-short = { $count } pending
status-pending = sync { $count } pending
status-pack-age = pack { $version } · { $days } d
status-pack = pack { $version }
status-no-pack = no rule pack
role-officer = officer
role-supervisor = supervisor
role-trainer = trainer
kind-hq = HQ
kind-training = TRAINING

## Help, palette and dialogs
help-title = Help: { $context } keys (type to filter)
help-filter = filter:
help-no-match = no key matches the filter
help-footer = { $count } keys · Esc closes · : runs any action by name
palette-title = Command palette
palette-no-match = no action matches
palette-not-here = '{ $name }' is not available here: { $place }
palette-no-command = no command matches '{ $query }'
dialog-confirm = Confirm
dialog-yes-no = y / Enter: yes    n / Esc: no
dialog-quit-unsaved = Discard what you typed and quit?
dialog-too-small = Enlarge the terminal to at least { $min_w }x{ $min_h } (now { $w }x{ $h }).
dialog-q-quits = q quits.
lang-unknown = { $setting }: '{ $value }' is not a language minspect speaks; use en or zh
lang-switched = Language: English (stored for { $officer })
lang-switched-unsaved = Language: English (not stored: { $reason })

## The Rules tab
rules-title = Rules ({ $count })
rules-search-hint = / to search
rules-no-pack = no rule pack installed
rules-no-match = no item matches
rules-screen-title = Screen a shipment (Esc closes)
rules-detail = Detail
rules-select-hint = Select an item; s screens a shipment.
scr-fill-in = Fill in the date (and any other field) to screen.
scr-hs_code = HS code
    .hint = 8112929090
scr-description = Description
    .hint = gallium ingots 99.99%
scr-composition = Composition
    .hint = Ga 30, Zn 70
scr-measurements = Measurements
    .hint = purity_pct 99.9
scr-destination = Destination
    .hint = US
scr-end_use = End use
    .hint = civil | military | unknown
scr-date = Date
    .hint = YYYY-MM-DD

## The Rules tab's detail pane
detail-item = Item
detail-item-family = { $id } · family { $family }
detail-formulae = Formulae
detail-control-code = Control code
detail-not-published = not published
detail-licence = Licence
detail-licence-technology = technology item (not goods)
detail-licence-required = export licence required
detail-licence-none = no licence
detail-unconfirmed = UNCONFIRMED: { $what }
detail-unconfirmed-mark = UNCONFIRMED
detail-sources = Sources
detail-hs-codes = HS codes
detail-criteria = Criteria
detail-every-grade = every grade
detail-criteria-groups = Criteria (all of a group; any group)
detail-group = [group { $group }]
detail-announcement = Announcement
detail-never-on-its-own = never on its own
detail-issued = issued by { $issuers } · published { $published } · effective { $effective } · { $status }
detail-status-in-force = in force
detail-status-suspended = SUSPENDED
detail-status-superseded = superseded
detail-status-framework = framework
detail-suspended = suspended { $window }
detail-suspended-clause = suspended clause { $clause } { $window }
detail-window = { $start } → { $end } by { $by }
detail-clauses = Destination and end-use clauses
detail-open = open
detail-any-destination = any destination
detail-effect-prohibited = prohibited
detail-effect-licence-required = licence required
detail-effect-needs-review = needs review

## The Sync tab
sync-held-title = Held for field devices ({ $count })
sync-col-name = name
sync-col-device-id = device id
sync-col-records = records
sync-col-head-seq = head seq
sync-queued-first = Queued for headquarters (first { $shown } of { $count })
sync-queued = Queued for headquarters ({ $count })
sync-col-seq = seq
sync-col-kind = kind
sync-col-record-id = record id
sync-col-created = created
sync-col-state = state
sync-nothing-received = Nothing received yet: import a bundle (i).
sync-nothing-waiting = Nothing is waiting: every finalized record is acknowledged.
sync-reviews-here = Review decisions made here ({ $count })
sync-reviews-from-hq = Review decisions from headquarters ({ $count })
sync-no-reviews = No review decisions yet.
sync-no-comment = (no comment)
sync-review-line = { $comment } · by { $reviewer } { $at } · inspection { $inspection }
sync-export-title = Export to headquarters
sync-export-ask = The directory to write the signed bundle into (USB stick, shared folder):
sync-ack-title = Acknowledge a receipt
sync-ack-ask = The receipt file headquarters wrote for this device:
sync-import-title = Import a bundle
sync-import-ask = The bundle file a field device exported (its receipt is written beside it):
sync-prompt-keys = Enter: continue (asks before writing)    Esc / C-g: cancel
sync-reading = Reading the sync state…
sync-directory = directory:
sync-file = file:
tui-creating-dir = creating the database directory { $path }: { $error }
app-not-set-up = database { $path } is not set up yet; start minspect once without --read-only
app-in-memory = (in memory)
app-no-shipment = no shipment is selected
app-read-only-action = read-only: { $name } is not available
app-set-up = Database set up for { $officer }.
app-pending-count = pending count: { $error }

## The first-run dialog
setup-title = Welcome to minspect: set up this database
setup-new-database = New database { $name }.
setup-who = Who uses this laptop? (Enter: next / save, Tab: next field)
setup-officer = Officer name
setup-badge = Badge number
setup-device = Device name
setup-empty-officer = officer name must not be empty
setup-empty-badge = badge number must not be empty
setup-empty-device = device name must not be empty
setup-footer = The embedded rule pack is installed on save. Ctrl-C quits.

# minspect en/review.ftl: headquarters review: the Review tab, `minspect review`, the queue filter.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Tab, actions and keys
tab-review = Review
action-tab_review = go to the Review tab (headquarters review queue)
action-change_decision = change the decision standing on an inspection (asks; the history keeps both)
action-toggle_select = select or unselect the inspection (A approves the selection)
action-cycle_sort = sort the queue by received, declared, officer or port
where-use-the-review-tab-of-a-headquarters-database = use the Review tab of a headquarters database
key-select = select
key-change-decision = change decision
key-sort = sort
key-pending-only = pending only
review-hq-no-field-work = '{ $name }' is field work: headquarters records no field work; it arrives here in bundles

## The queue
review-title = Review · { $pending } pending · { $approved } approved · { $returned } returned · { $resubmitted } resubmitted · { $total } in all
review-sort-received = received
review-sort-declared = declared
review-sort-officer = officer
review-sort-port = port
review-state-pending = pending
review-state-approved = approved
review-state-returned = returned
review-state-resubmitted = resubmitted
review-col-state = state
review-col-received = received
review-col-officer = officer
review-col-port = port
review-col-verdicts = declared → found
review-v-not_controlled = clear
review-v-needs_review = review
review-v-licence_required = licence
review-v-prohibited = banned
review-col-exporter = exporter
review-col-declaration = declaration
review-legend = { $name } · • new since { $since } · + { $chosen } selected · sorted by { $sort }
review-legend-first = { $name } · • new (first visit) · + { $chosen } selected · sorted by { $sort }
review-filter-hint = / filter: officer:B port:CNSHA state:pending seized:yes received:D..D words
review-empty = no received inspection matches
review-not-hq = review decisions are made at headquarters; this database receives them in receipts
review-denied-read-only = review: the database is open read-only (--read-only)
review-denied-not-supervisor = review: login '{ $login }' is not mapped to a supervisor; `minspect officer list` shows who is mapped
review-denied-unmapped = review: login '{ $login }' is not mapped to an officer here; map it with `minspect officer add --name N --badge B --role supervisor --login { $login }`
review-denied-unreadable = review: the officers could not be read
review-queue-unreadable = review queue: { $error }

## Deciding
review-already-decided = already { $state }: press C to change the decision (the history keeps both)
review-nothing-to-decide = nothing to decide: the queue is empty
review-no-decision-to-change = this inspection has no decision to change; approve (A) or return (R) it
review-what-selection = { $count } selected inspections
review-what-one = declaration { $declaration } · officer { $officer } · { $port } · { $state }
review-approve-title = Approve inspection
review-return-title = Return inspection to its officer
review-change-approve-title = Change the decision: approve
review-change-return-title = Change the decision: return to the officer
review-ask-optional = Comment (optional):
review-ask-required = Comment (required): what must the officer fix?
review-enter-approve = Enter: approve    Esc / C-g: cancel
review-enter-return = Enter: return    Esc / C-g: cancel
review-comment-required = a return needs a comment: say what the officer must fix
review-nothing-decided = nothing decided
review-decision-approved = approved
review-decision-returned = returned
review-decided-tui = { $decision }: { $count } { $count ->
    [one] inspection
   *[other] inspections
  }; it goes to the device with its next receipt
review-decided-some = { $decision }: { $count }; { $refused } refused: { $first }

## The record view
review-record-title = Record (read-only) · Esc back
review-rec-shipment = Shipment: declaration { $declaration } · declared { $date } · exporter { $exporter } · to { $destination }
review-rec-goods = Goods: { $goods } · HS { $hs } · { $quantity } · net { $net } · value { $value }
review-rec-inspection = Inspection at { $port } { $terminal } · outcome { $outcome } · verdict { $verdict }
review-rec-screening = Screening reasons:
review-rec-none = none
review-rec-measurements = Measurements:
review-rec-findings = Findings:
review-rec-finding = { $kind }: declared { $declared }; found { $found }
review-rec-seizures = Seizures:
review-rec-seizure = { $quantity } of { $goods } · stored at { $storage }
review-rec-custody = custody { $at }: { $from } → { $to } ({ $reason })
review-rec-history = Review history:
review-rec-chain-verified = Chain: verified ({ $count } chained links checked: hashes, links and frozen rows)
review-rec-chain-broken = Chain: BROKEN at { $kind } device { $device } seq { $seq }: { $problem }
review-rec-chain-none = Chain: not chained (nothing of this record was finalized into a chain)
review-rec-audit = Audit trail:
review-rec-audit-line = { $at } { $actor }: { $action } { $entity }
chain-missing-payload = the payload of seq { $seq } is missing (its outbox_payloads row was removed)
chain-hash-mismatch = the hash of seq { $seq } does not match its stored payload (the payload was altered)
chain-gap = seq { $seq } follows a gap: the link before it is missing
chain-prev-mismatch = seq { $seq } does not point at the hash of the link before it
chain-next-mismatch = the link after seq { $seq } does not point at its hash
chain-rows-differ = the rows of seq { $seq } differ from what was hashed: { $detail }
chain-broken = the chain is broken
drafts-how-hq = Headquarters records no field work: records arrive in bundles (Sync tab, i) and are reviewed in the Review tab (5).

## minspect review (CLI)
review-decided = { $decision } inspection { $id } by { $by } (review { $review }); it goes to device { $device } with the next receipt
review-counts = { $pending } pending · { $approved } approved · { $returned } returned · { $resubmitted } resubmitted · { $total } in all
review-matching = { $count } match the filter
review-matching-capped = more than { $count } match the filter
review-list-empty = no received inspection matches
review-list-head = RECEIVED          STATE        OFFICER     PORT   DECLARED    VERDICT           FOUND             OUTCOME       INSPECTION
review-list-more = showing the first { $shown }; narrow the filter or use --limit

## The filter grammar
queue-unknown-term = '{ $term }' is not a filter term; the terms are: { $terms }, and free words
queue-empty-value = '{ $term }:' needs a value; the terms are: { $terms }
queue-bad-value = { $term }: '{ $value }' is not accepted; use one of: { $accepted }
queue-bad-date = { $term }: '{ $value }' is not a date; write YYYY-MM-DD (received: also DATE..DATE)
queue-unknown-officer = officer: no officer here has badge '{ $badge }'; `minspect officer list` shows the badges
queue-unknown-port = port: no received inspection took place at '{ $port }'; write a UN/LOCODE such as CNSHA
queue-unknown-device = device: no device here is named '{ $device }'; `minspect device list` shows the devices

## The Shipments tab's verdicts column
shipments-col-verdicts = declared → found

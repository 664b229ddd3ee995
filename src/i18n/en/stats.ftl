# minspect en/stats.ftl: the Review tab's statistics view, and the Sync tab's decisions list.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Actions and keys
action-statistics = statistics of the received inspections (and back to the review queue)
action-next_measure = chart the next measure (inspections, seizures, seized kg, value, findings)
action-open_decision = open the record the selected decision is on
key-statistics = statistics
key-stats-next-page = next chart
key-stats-previous-page = previous chart
key-stats-measure = measure
key-stats-scroll-down = scroll the bars down
key-stats-scroll-up = scroll the bars up
key-stats-queue = review queue
key-open-decision = open its record

## The view
stats-title = Statistics · { $page } · { $measure }
stats-page-overview = Overview
stats-page-family = Family
stats-page-month = Month
stats-page-port = Port
stats-page-officer = Officer
stats-page-exporter = Exporter
stats-measure-inspections = inspections
stats-measure-seizures = seizures
stats-measure-seized_kg = seized kg
stats-measure-value_cny = seized value (CNY)
stats-measure-findings = findings
stats-filter-hint = / scope: from:DATE to:DATE port:LOCODE family:ID officer:BADGE
stats-none = Nothing received in this scope.
stats-unreadable = The statistics could not be read: { $error }
stats-term-not-here = '{ $term }' does not apply to the statistics; they take { $terms } (as minspect report)
stats-dates-reversed = from:{ $from } is after to:{ $to }; give from: on or before to:
stats-key-none = (none)
stats-totals = { $inspections } inspections · { $seized } with seizures · { $seizures } seizures · { $kg } kg · CNY { $value } · { $findings } findings
stats-review = Review: { $pending } pending · { $approved } approved · { $returned } returned · { $resubmitted } resubmitted · turnaround median { $median }, p90 { $p90 }
stats-spark = Inspections by month, { $first } to { $last } ({ $months } months, most { $max })
stats-verdict-declared = Verdict on the declaration
stats-verdict-found = Verdict after inspection
stats-v-prohibited = prohibited
stats-v-licence_required = licence required
stats-v-needs_review = needs review
stats-v-not_controlled = not controlled
stats-showing = ({ $from }-{ $to } of { $count }, j/k scroll)

## The Sync tab's decisions list
sync-decisions-here = Review decisions made here ({ $count } in all) · Enter opens the record
sync-decisions-from-hq = Review decisions from headquarters ({ $count } in all) · Enter opens the record
sync-decision-line = { $comment } · { $declaration } · officer { $officer } · by { $reviewer } { $at }
review-decide-from-queue = This record was opened from the Sync tab: Esc returns to the queue, where decisions are made on the selected row
sync-decisions-unreadable = The review decisions could not be read: { $error }
shipments-unreadable = The shipment log could not be read: { $error }

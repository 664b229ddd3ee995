## The re-screening list (Rules tab on a laptop, Review tab at headquarters)
action-rescreen = Re-screening: finalized records the active pack would judge otherwise
where-use-the-rules-or-review-tab = use the Rules tab (or the Review tab at headquarters)
key-rescreen = re-screening list
key-rescreen-open = open record
key-rescreen-since = finalized since
key-rescreen-back = back
key-rescreen-since-clear = every finalized record
key-rescreen-again = screen again
rescreen-col-record = Record
rescreen-col-declared = Declared
rescreen-col-verdicts = Was → would be
rescreen-col-why = Why
rescreen-view-title = Re-screening under pack { $version }: { $changed } of { $checked } finalized records change
rescreen-view-title-none = Re-screening
rescreen-view-legend = Each record screened again as of its shipment date; no record is changed.
rescreen-view-why = { $declaration }: { $before } under pack { $before_pack } → { $after }
rescreen-view-since = Finalized since:
rescreen-view-since-hint = Every finalized record (/ for a "finalized since" date)
rescreen-view-empty = No finalized record would get another verdict.
rescreen-view-not-read = The list could not be read.
rescreen-view-record-title = Record (read-only, Esc back to the list)
rescreen-view-bad-since = '{ $value }' is not a date (YYYY-MM-DD); the list is as it was
rescreen-view-no-pack = No rule pack is installed: nothing to screen against
rescreen-view-unreadable = Cannot re-screen: { $error }
## Party screening: a name that holds a listed name whole (a unit of a listed group)
party-rel-group = holds the name of
party-hit-group = { $role } "{ $name }" holds the listed name "{ $matched }" of { $listed } on the { $list } ({ $ann }) and says more: it may be a branch, subsidiary or unit of the listed party (score { $score }). Confirm who the party is before release.{ $unconf }

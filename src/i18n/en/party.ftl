# minspect en/party.ftl: party screening (MOFCOM's party lists), the parties in rule search
# and the Rules tab, and re-screening finalized inspections.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Screening reasons (rules return these ids; each English text equals what rules write)
hit-kind-party = listed party
party-role-consignee = Consignee
party-role-end-user = End user
party-role-intermediary = Intermediary
party-rel-strong = matches
party-rel-weak = resembles (score { $score })
party-hit-strong = { $role } "{ $name }" matches { $listed } on the { $list } ({ $ann }, listed { $listed_on }; score { $score }). { $prohibits }{ $unconf }
party-hit-weak = { $role } "{ $name }" resembles { $listed } on the { $list } ({ $ann }): score { $score } for the listed name "{ $matched }", below the strong match of { $strong }. Confirm who the party is before release.{ $unconf }
party-note-suspended = { $role } "{ $name }" { $rel } { $listed } on the { $list } ({ $ann }), but on { $date } the listing is suspended by { $by } until { $until }. A suspension is not a delisting: confirm the party's status with MOFCOM before release.
party-note-ended = { $role } "{ $name }" { $rel } { $listed } on the { $list } ({ $ann }); its measures ceased after { $last_day }.
party-note-not-yet = { $role } "{ $name }" { $rel } { $listed } on the { $list } ({ $ann }), listed from { $from }; on { $date } the listing did not yet apply.
stale-party-suspension = { $ann } was suspended until { $end } (by { $by }); this pack does not know whether the suspension was extended. Confirm the current status of the listing of { $listed } before release.

## Sibling items sharing an HS code
note-hs-sibling = HS { $declared } also covers { $name_en } ({ $id }); the description names { $named }: not a reason for review on its own.

## The Record form's shipment section
ship-intermediaries = Intermediaries
    .hint = forwarders, agents (separate names with ;)

## A listed party's detail (minspect rules show, the Rules tab)
party-status-in_force = listed, in force
party-status-not_yet = listed from { $from }
party-status-suspended = suspended by { $by } until { $until }
party-status-ended = measures ceased after { $last_day }
party-status-never = never in force
party-suspension = { $start } to { $end } by { $by }
party-detail-names = Names
party-detail-aliases = Aliases
party-detail-list = List
party-detail-effect = A match means
party-detail-prohibits = Prohibits
party-detail-basis = Legal basis
party-detail-country = Country
party-detail-announcement = Announcement
party-detail-listed = Listed
party-detail-effective = Effective
party-detail-status = Status
party-detail-suspensions = Suspended
party-detail-notes = Notes
party-detail-unconfirmed = UNCONFIRMED
party-detail-sources = Sources

## minspect rules search
rules-search-parties = Listed parties ({ $count }):
rules-search-as = (as "{ $name }")

## minspect rules rescreen
rescreen-title = Re-screening
rescreen-head = Rule pack { $version }: { $checked } finalized inspections screened again (finalized since { $since }), { $changed } with another verdict. Each is screened as of its shipment date; no record was changed.
rescreen-row = { $declaration } (inspection { $inspection }, finalized { $finalized }): { $before } under pack { $before_pack } -> { $after }
rescreen-gone = no longer a reason: { $rules }
rescreen-md-columns = Declaration | Finalized | Was | Would be | Why
rescreen-bad-format = --format: '{ $value }' is not a format; use one of { $formats }
rescreen-bad-since = --since: '{ $value }' is not a date (YYYY-MM-DD)
rescreen-unreadable = { $file }: cannot read the rule pack: { $error }
rescreen-no-db = { $db }: no database; re-screening needs finalized inspections

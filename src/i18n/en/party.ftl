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

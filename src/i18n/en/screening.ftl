# minspect en/screening.ftl: verdicts and screening reasons.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Verdicts and screening
verdict-not_controlled = NOT CONTROLLED
verdict-needs_review = NEEDS REVIEW
verdict-licence_required = LICENCE REQUIRED
verdict-prohibited = PROHIBITED
hit-kind-item = controlled item
hit-kind-destination = destination rule
hit-kind-end_use = end-use rule
hit-kind-red_flag = RED FLAG
hit-kind-stale = CHECK CURRENT STATUS
screening-verdict = Verdict:
screening-pack = (rule pack { $version })
screening-families = Families: { $families }
screening-measure = Measure: { $names }
screening-no-rule = No rule matched.
screen-head = { $verdict }  (as of { $as_of }; rule pack { $version } published { $published })
screen-no-rule = No rule in the pack matches these facts.
screen-rule = rule { $id }
screen-control-code = control code { $code }
screen-note = Note: { $text }
screen-english-only = [English only]

## Screening reasons (rules return these ids; each English text equals what rules write)
list-separator = ;
hit-may-be-controlled = { $name_en } ({ $name_zh }) may be controlled under { $ann }{ $code }: { $basis }. Identify the goods (and declare the full 10-digit code).
hit-family-mention = Description mentions "{ $word }" ({ $name_en } / { $name_zh }) without naming a listed item. Identify the goods against the controlled items: { $items }{ $more }.
hit-controlled = { $name_en } ({ $name_zh }) is controlled under { $ann }{ $code } ({ $crit }); { $basis }. Export needs a dual-use items export licence (document code 3).{ $licence }{ $unconf }
hit-missing = { $name_en } ({ $name_zh }) is controlled under { $ann }{ $code } if { $criteria }; { $basis }. Measure: { $names }.{ $unconf }
hit-listed-unconfirmed = { $name_en } ({ $name_zh }) is listed in { $ann }{ $code }, but its technical criteria are UNCONFIRMED; { $basis }. Have the goods identified (customs query under GAC 2025 No. 123) before release.{ $licence }{ $unconf }
hit-below-unconfirmed = { $name_en } ({ $name_zh }) under { $ann }{ $code }: { $failed }, below a threshold that is UNCONFIRMED; { $basis }. Confirm the threshold with the official text or an expert identification.
note-below = { $name_en } ({ $id }, { $ann }{ $code }): { $failed }; below the thresholds, not controlled by this item.
basis-matched = matched by { $why }
basis-hs-exact = declared HS { $declared } is reference code { $code }
basis-hs-covers = declared HS { $declared } covers reference code { $code }
basis-word = description mentions "{ $word }"
basis-element = composition has { $el } { $pct } %
basis-item = matched item { $id }
crit-none = no threshold: every grade is listed
crit-met = criteria met: { $held }
licence-none = {" "}No licence number declared.
licence-declared = {" "}Licence no. { $no } declared: check that it covers these goods, the quantity and the end user.
unconfirmed-note = {" "}UNCONFIRMED: { $what }.
stale-pack-age = Rule pack { $version } was published { $published }; { $date } is more than { $days } days later. The rules may have changed: confirm the current status with MOFCOM and import a newer pack.

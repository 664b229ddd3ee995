# minspect en/errors.ftl: problems found by the layers below (domain, store, sync), as ids.

## Refusals of the store
store-problems = { $list }
store-cannot-finalize = inspection { $id } cannot be finalized ({ $count ->
    [one] { $count } problem
   *[other] { $count } problems
}): { $list }
store-custody-problem = custody transfer { $problem }
store-record-refused = record seq { $seq } (id { $id }) refused: { $problem }
store-custody-draft = seizure { $id } is still a draft; finalize the inspection before recording custody transfers

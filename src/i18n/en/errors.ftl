# minspect en/errors.ftl: problems found by the layers below (domain, store, sync), as ids.

## Refusals of the store
store-problems = { $list }
store-cannot-finalize = inspection { $id } cannot be finalized ({ $count ->
    [one] { $count } problem
   *[other] { $count } problems
}): { $list }
store-custody-problem = custody transfer { $problem }
store-custody-before-finalize = seizure { $id } is still a draft; finalize the inspection before recording custody transfers

## Officers and their logins (headquarters)
officer-bad-login = --login: { $login } is not a login name (letters, digits, '.', '_', '-'; at most 32 characters)
officer-name-empty = --name: must not be empty
officer-badge-empty = --badge: must not be empty
officer-control-chars = --name, --badge: control characters are not allowed
officer-badge-taken = --badge: badge { $badge } is already { $name }'s
officer-no-badge = --badge: no officer has badge { $badge } (`minspect officer list` shows the badges)
officer-login-taken = --login: login '{ $login }' is already mapped to { $name } (badge { $badge })

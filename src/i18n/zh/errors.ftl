# minspect zh/errors.ftl：下层（domain、store、sync）发现的问题，以 id 表示。

## 存储层的拒绝
store-problems = { $list }
store-cannot-finalize = 查验 { $id } 无法定稿（{ $count } 个问题）：{ $list }
store-custody-problem = 保管移交：{ $problem }
store-custody-before-finalize = 扣押 { $id } 仍是草稿；请先将查验定稿，再登记保管移交

## 关员及其登录名（总部）
officer-bad-login = --login：{ $login } 不是登录名（字母、数字、“.”、“_”、“-”；最多 32 个字符）
officer-name-empty = --name：不能为空
officer-badge-empty = --badge：不能为空
officer-control-chars = --name、--badge：不允许包含控制字符
officer-badge-taken = --badge：警号 { $badge } 已属于 { $name }
officer-no-badge = --badge：没有关员的警号为 { $badge }（`minspect officer list` 列出各警号）
officer-login-taken = --login：登录名“{ $login }”已对应 { $name }（警号 { $badge }）

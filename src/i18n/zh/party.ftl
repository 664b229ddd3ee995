# minspect zh/party.ftl：当事方筛查（商务部各类名单）、规则检索与“规则”页中的当事方、已定稿检查的重新筛查。
# 与 en/party.ftl 的 id 完全相同（tests/architecture/catalogue.rs）。值的首尾不留空格（{" "} 保留一个）。

## 筛查理由
hit-kind-party = 名单当事方
party-role-consignee = 收货人
party-role-end-user = 最终用户
party-role-intermediary = 中间商
party-rel-strong = 匹配
party-rel-weak = 近似（相似度 { $score }）
party-hit-strong = { $role }“{ $name }”匹配《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }，{ $listed_on } 列入；相似度 { $score }）。{ $prohibits_zh }{ $unconf }
party-hit-weak = { $role }“{ $name }”与《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }）近似：与所列名称“{ $matched }”的相似度为 { $score }，低于确认匹配阈值 { $strong }。放行前请核实该当事方的身份。{ $unconf }
party-note-suspended = { $role }“{ $name }”{ $rel }《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }），但在 { $date } 该列入措施已由 { $by } 暂停至 { $until }。暂停不等于移出名单：放行前请向商务部确认该当事方的状态。
party-note-ended = { $role }“{ $name }”{ $rel }《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }）；其措施已于 { $last_day } 后停止执行。
party-note-not-yet = { $role }“{ $name }”{ $rel }《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }），自 { $from } 起列入；在 { $date } 该列入尚未适用。
stale-party-suspension = { $ann } 曾暂停至 { $end }（依据 { $by }）；本规则包不掌握该暂停是否延期。放行前请确认 { $listed_zh } 列入措施的现状。

## 共用商品编码的同类物项
note-hs-sibling = 商品编码 { $declared } 同时涵盖 { $name_zh }（{ $id }）；货物描述所指为 { $named_zh }：仅凭编码不构成复核理由。

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

## 记录表单的货物部分
ship-intermediaries = 中间商
    .hint = 货代、代理等；名称之间用 ; 分隔

## 名单当事方详情（minspect rules show、“规则”页）
party-status-in_force = 已列入，措施有效
party-status-not_yet = 自 { $from } 起列入
party-status-suspended = 已由 { $by } 暂停至 { $until }
party-status-ended = 措施已于 { $last_day } 后停止执行
party-status-never = 从未生效
party-suspension = { $start } 至 { $end }，依据 { $by }
party-detail-names = 名称
party-detail-aliases = 别名
party-detail-list = 名单
party-detail-effect = 匹配即
party-detail-prohibits = 禁止事项
party-detail-basis = 法律依据
party-detail-country = 国家或地区
party-detail-announcement = 公告
party-detail-listed = 列入日期
party-detail-effective = 生效日期
party-detail-status = 状态
party-detail-suspensions = 暂停
party-detail-notes = 备注
party-detail-unconfirmed = 未经证实
party-detail-sources = 来源

## minspect rules search
rules-search-parties = 名单当事方（{ $count }）：
rules-search-as = （名称“{ $name }”）

## minspect rules rescreen
rescreen-title = 重新筛查
rescreen-head = 规则包 { $version }：重新筛查了 { $checked } 条已定稿检查（定稿日期自 { $since } 起），其中 { $changed } 条结论不同。每条均按其货物申报日期筛查；未改动任何记录。
rescreen-row = { $declaration }（检查 { $inspection }，定稿于 { $finalized }）：规则包 { $before_pack } 下为 { $before } -> { $after }
rescreen-gone = 不再构成理由：{ $rules }
rescreen-md-columns = 报关单 | 定稿时间 | 原结论 | 现结论 | 理由
rescreen-bad-format = --format：“{ $value }”不是可用格式；请使用 { $formats } 之一
rescreen-bad-since = --since：“{ $value }”不是日期（YYYY-MM-DD）
rescreen-unreadable = { $file }：无法读取规则包：{ $error }
rescreen-no-db = { $db }：数据库不存在；重新筛查需要已定稿的检查

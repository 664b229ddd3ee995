# minspect zh/review.ftl：总部审核：审核标签页、`minspect review`、队列筛选。
# 每个 id 两种语言都有（tests/architecture/catalogue.rs）。值的首尾不留空格。

## 标签页、操作与按键
tab-review = 审核
action-tab_review = 转到审核标签页（总部审核队列）
action-change_decision = 更改检查记录的现有决定（先询问；历史保留两条）
action-toggle_select = 选中或取消选中该检查记录（A 批准所选）
action-cycle_sort = 按接收、申报、检查员或口岸排序队列
where-use-the-review-tab-of-a-headquarters-database = 请在总部数据库的审核标签页使用
key-select = 选中
key-change-decision = 更改决定
key-sort = 排序
key-pending-only = 仅待审
review-hq-no-field-work = “{ $name }”属于现场工作：总部不记录现场工作，现场工作通过数据包送达

## 队列
review-title = 审核 · 待审 { $pending } · 已批准 { $approved } · 已退回 { $returned } · 已重新提交 { $resubmitted } · 共 { $total }
review-sort-received = 接收时间
review-sort-declared = 申报日期
review-sort-officer = 检查员
review-sort-port = 口岸
review-state-pending = 待审
review-state-approved = 已批准
review-state-returned = 已退回
review-state-resubmitted = 已重新提交
review-col-state = 状态
review-col-received = 接收时间
review-col-officer = 检查员
review-col-port = 口岸
review-col-verdicts = 申报 → 查验
review-v-not_controlled = 不管制
review-v-needs_review = 待核
review-v-licence_required = 需许可
review-v-prohibited = 禁止
review-col-exporter = 出口商
review-col-declaration = 报关单
review-legend = { $name } · • 自 { $since } 以来新到 · + 已选 { $chosen } · 按{ $sort }排序
review-legend-first = { $name } · • 新到（首次访问） · + 已选 { $chosen } · 按{ $sort }排序
review-filter-hint = / 筛选：officer:工号 port:CNSHA state:pending seized:yes received:日期..日期 文字
review-empty = 没有符合条件的已接收检查记录
review-not-hq = 审核决定在总部作出；本数据库通过回执接收决定
review-denied-read-only = 审核：数据库以只读方式打开（--read-only）
review-denied-not-supervisor = 审核：登录名“{ $login }”未对应主管；`minspect officer list` 显示对应关系
review-denied-unmapped = 审核：登录名“{ $login }”在此未对应任何人员；用 `minspect officer add --name N --badge B --role supervisor --login { $login }` 建立对应
review-denied-unreadable = 审核：无法读取人员信息
review-queue-unreadable = 审核队列：{ $error }

## 作出决定
review-already-decided = 该检查记录已{ $state }；按 C 更改决定（历史保留两条）
review-nothing-to-decide = 无可决定的记录：队列为空
review-no-decision-to-change = 该检查记录尚无决定可更改；请批准（A）或退回（R）
review-what-selection = 已选 { $count } 条检查记录
review-what-one = 报关单 { $declaration } · 检查员 { $officer } · { $port } · { $state }
review-approve-title = 批准检查记录
review-return-title = 将检查记录退回检查员
review-change-approve-title = 更改决定：批准
review-change-return-title = 更改决定：退回检查员
review-ask-optional = 意见（可选）：
review-ask-required = 意见（必填）：检查员需要更正什么？
review-enter-approve = Enter：批准    Esc / C-g：取消
review-enter-return = Enter：退回    Esc / C-g：取消
review-comment-required = 退回必须附意见：说明检查员需要更正什么
review-nothing-decided = 未作决定
review-decision-approved = 已批准
review-decision-returned = 已退回
review-decided-tui = { $decision }：{ $count } 条检查记录；随下一份回执送达设备
review-decided-some = { $decision }：{ $count } 条；{ $refused } 条被拒：{ $first }

## 记录查看
review-record-title = 记录（只读） · Esc 返回
review-rec-shipment = 货物：报关单 { $declaration } · 申报 { $date } · 出口商 { $exporter } · 目的地 { $destination }
review-rec-goods = 品名：{ $goods } · HS { $hs } · { $quantity } · 净重 { $net } · 货值 { $value }
review-rec-inspection = 检查地点 { $port } { $terminal } · 处置 { $outcome } · 结论 { $verdict }
review-rec-screening = 筛查理由：
review-rec-none = 无
review-rec-measurements = 测量：
review-rec-findings = 发现：
review-rec-finding = { $kind }：申报 { $declared }；查验 { $found }
review-rec-seizures = 扣押：
review-rec-seizure = { $goods } { $quantity } · 存放于 { $storage }
review-rec-custody = 保管移交 { $at }：{ $from } → { $to }（{ $reason }）
review-rec-history = 审核历史：
review-rec-chain-verified = 链：已验证（检查了 { $count } 个链环：哈希、链接与冻结行）
review-rec-chain-broken = 链：已断开，位于 { $kind } 设备 { $device } 序号 { $seq }：{ $problem }
review-rec-chain-none = 链：未入链（此记录没有内容定稿入链）
review-rec-audit = 审计记录：
review-rec-audit-line = { $at } { $actor }：{ $action } { $entity }
chain-missing-payload = 序号 { $seq } 的载荷缺失（其 outbox_payloads 行被删除）
chain-hash-mismatch = 序号 { $seq } 的哈希与存储的载荷不符（载荷被改动）
chain-gap = 序号 { $seq } 前有缺口：前一个链环缺失
chain-prev-mismatch = 序号 { $seq } 未指向前一个链环的哈希
chain-next-mismatch = 序号 { $seq } 之后的链环未指向其哈希
chain-rows-differ = 序号 { $seq } 的行与哈希时的内容不同：{ $detail }
chain-broken = 链已断开
drafts-how-hq = 总部不记录现场工作：记录通过数据包送达（同步标签页，i），在审核标签页（5）审核。

## minspect review（命令行）
review-decided = 检查记录 { $id } { $decision }，审核人 { $by }（审核 { $review }）；随下一份回执送达设备 { $device }
review-counts = 待审 { $pending } · 已批准 { $approved } · 已退回 { $returned } · 已重新提交 { $resubmitted } · 共 { $total }
review-matching = 符合筛选条件 { $count } 条
review-matching-capped = 符合筛选条件超过 { $count } 条
review-list-empty = 没有符合条件的已接收检查记录
review-list-head = 接收时间          状态         检查员      口岸   申报日期    申报结论          查验结论          处置          检查记录
review-list-more = 仅显示前 { $shown } 条；请缩小筛选范围或使用 --limit

## 筛选语法
queue-unknown-term = “{ $term }”不是筛选条件；可用条件：{ $terms }，以及自由文字
queue-empty-value = “{ $term }:”需要一个值；可用条件：{ $terms }
queue-bad-value = { $term }：不接受“{ $value }”；可用：{ $accepted }
queue-bad-date = { $term }：“{ $value }”不是日期；请写 YYYY-MM-DD（received: 也可写 日期..日期）
queue-unknown-officer = officer：此处没有工号为“{ $badge }”的人员；`minspect officer list` 显示工号
queue-unknown-port = port：没有在“{ $port }”进行的已接收检查；请写联合国口岸代码，如 CNSHA
queue-unknown-device = device：此处没有名为“{ $device }”的设备；`minspect device list` 显示设备

## 货物标签页的结论列
shipments-col-verdicts = 申报 → 查验

# minspect zh/stats.ftl：审核标签页的统计视图，以及同步标签页的决定列表。
# 每个 id 两种语言都有（tests/architecture/catalogue.rs）。值的首尾不留空格。

## 操作与按键
action-statistics = 已接收检查记录的统计（再按返回审核队列）
action-next_measure = 图表换下一个指标（检查、扣押、扣押公斤、价值、发现）
action-open_decision = 打开所选决定对应的记录
key-statistics = 统计
key-stats-next-page = 下一图表
key-stats-previous-page = 上一图表
key-stats-measure = 指标
key-stats-scroll-down = 向下滚动条形
key-stats-scroll-up = 向上滚动条形
key-stats-queue = 审核队列
key-open-decision = 打开其记录

## 视图
stats-title = 统计 · { $page } · { $measure }
stats-page-overview = 概览
stats-page-family = 矿种
stats-page-month = 月份
stats-page-port = 口岸
stats-page-officer = 检查员
stats-page-exporter = 出口商
stats-measure-inspections = 检查
stats-measure-seizures = 扣押
stats-measure-seized_kg = 扣押公斤
stats-measure-value_cny = 扣押价值（人民币）
stats-measure-findings = 发现
stats-filter-hint = / 范围：from:日期 to:日期 port:口岸代码 family:矿种 officer:工号
stats-none = 此范围内没有接收到记录。
stats-unreadable = 无法读取统计：{ $error }
stats-term-not-here = “{ $term }”不适用于统计；统计接受 { $terms }（同 minspect report）
stats-dates-reversed = from:{ $from } 晚于 to:{ $to }；from: 须不晚于 to:
stats-key-none = （无）
stats-totals = 检查 { $inspections } · 有扣押 { $seized } · 扣押 { $seizures } · { $kg } 公斤 · 人民币 { $value } · 发现 { $findings }
stats-review = 审核：待审 { $pending } · 已批准 { $approved } · 已退回 { $returned } · 已重新提交 { $resubmitted } · 周转中位数 { $median }，p90 { $p90 }
stats-spark = 按月检查数，{ $first } 至 { $last }（{ $months } 个月，最多 { $max }）
stats-verdict-declared = 申报结论
stats-verdict-found = 查验后结论
stats-v-prohibited = 禁止
stats-v-licence_required = 需许可
stats-v-needs_review = 待核
stats-v-not_controlled = 不管制
stats-showing = （第 { $from }-{ $to } 条，共 { $count } 条，j/k 滚动）

## 同步标签页的决定列表
sync-decisions-here = 在此作出的审核决定（共 { $count } 条）· Enter 打开记录
sync-decisions-from-hq = 来自总部的审核决定（共 { $count } 条）· Enter 打开记录
sync-decision-line = { $comment } · { $declaration } · 检查员 { $officer } · 由 { $reviewer } { $at }
review-decide-from-queue = 此记录是从同步标签页打开的：按 Esc 回到队列，在所选行上作出决定
sync-decisions-unreadable = 无法读取审核决定：{ $error }
shipments-unreadable = 无法读取货物记录：{ $error }

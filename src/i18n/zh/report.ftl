# minspect zh/report.ftl：总部报告，`minspect report NAME`。
# 每个 id 两种语言都有（tests/architecture/catalogue.rs）。

## 标题与分节
report-title-summary = 查验与扣押汇总
report-title-seizures = 扣押
report-title-inspections = 查验
report-title-officers = 关员
report-title-exporters = 按发现问题排列的出口商
report-title-review = 已接收查验的审核
report-scope = 申报日期 { $from } 至 { $to } · 口岸 { $port } · 矿种 { $family } · 关员 { $officer }
report-all = 全部
report-none = 无
report-total = 合计
report-duration = { $h } 小时 { $m } 分钟
report-section-by_family = 按矿种
report-section-by_month = 按月份
report-section-by_port = 按口岸
report-section-by_officer = 按关员
report-section-by_exporter = 按出口商（发现问题多者在前）
report-section-review = 审核状态与周转时间（定稿至决定）

## 列
report-col-family = 矿种
report-col-month = 月份
report-col-port = 口岸
report-col-officer = 关员
report-col-exporter = 出口商
report-col-inspections = 查验
report-col-seized_inspections = 有扣押的查验
report-col-seizures = 扣押
report-col-seized_kg = 扣押量（千克）
report-col-seized_value_cny = 扣押货值（人民币）
report-col-findings = 发现问题
report-col-metric = 指标
report-col-value = 数值
report-metric-pending = 待审
report-metric-approved = 已批准
report-metric-returned = 已退回
report-metric-resubmitted = 已重新提交
report-metric-decided = 已决定
report-metric-turnaround_median_s = 周转时间中位数
report-metric-turnaround_p90_s = 周转时间第 90 百分位

## 拒绝
report-unknown-name = report：'{ $name }' 不是报告；报告有 { $names }
report-bad-format = --format：'{ $value }' 不是格式；格式有 { $formats }
report-bad-date = { $flag }：'{ $value }' 不是日期；请写 YYYY-MM-DD，例如 2026-03-02
report-dates-reversed = --from { $from } 晚于 --to { $to }；--from 应不晚于 --to
report-unknown-officer = --officer：这里没有警号为 '{ $value }' 的关员；`minspect officer list` 列出警号
report-unknown-port = --port：没有在 '{ $value }' 进行的已接收查验；请写 UN/LOCODE，例如 CNSHA
report-unknown-family = --family：没有矿种为 '{ $value }' 的已接收查验；请写矿种 id，例如 gallium、germanium 或 antimony
report-not-hq = 报告在总部生成；这不是总部数据库
report-out-exists = --out：{ $path } 已存在；加 --force 才会替换（文件未改动）
report-out-failed = --out：无法写入 { $path }：{ $error }
report-written = 报告 { $name } 已写入 { $path }

## 货物卡片（货物页详情栏）
ship-exporter = 出口商
ship-credit-code = 信用代码
ship-end-user = 最终用户
ship-goods = 货物
ship-quantity-value = { $quantity } { $unit } · 净重 { $net } kg
ship-value = 货值
ship-transport = 运输
ship-via = 转运
ship-licence = 许可证
ship-licence-none = 未申报
ship-screening = 筛查
ship-finding = { $kind }：申报 { $declared } · 实查 { $found } · { $evidence }
ship-seizure = { $goods }（{ $family }）{ $quantity } { $unit } · 存放于 { $location }

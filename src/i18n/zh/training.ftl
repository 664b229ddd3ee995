# minspect zh/training.ftl: 培训（教员与学员）：`minspect training`、简报与讲评窗口、培训文件中的读数、培训同步页。
# 每个 id 两种语言都有（tests/architecture/catalogue.rs）。

## minspect training（命令行）
training-reset-done = { $file } 已恢复到初始状态；本次练习保存为 { $kept }
training-key-changed = 警告：{ $file }：场景 { $scenario } 的答案在文件生成后已改变；按当前答案评分
training-pick-none = --scenario：请指定场景（或用 --all）；`minspect training list` 列出全部场景
training-unknown-scenario = --scenario：没有场景“{ $name }”；`minspect training list` 列出全部场景
training-list-row = { $id }  难度 { $difficulty }  { $points } 分  { $title }
training-trainee-empty = --trainee：请给出学员姓名
training-created = 已为 { $trainee } 创建 { $file }：{ $scenarios } 个场景，{ $shipments } 票待查验货物（设备 { $device }）
training-class-exists = { $file } 已存在；未写入任何文件
training-class-row = { $file }  { $trainee }  { $badge }  设备 { $device }
training-not-finalized = 未定稿
training-duration = 从打开到定稿用时 { $minutes } 分 { $seconds } 秒
training-duration-unknown = 已定稿，未在控制台中打开
training-col-item = 项目
training-col-expected = 答案
training-col-done = 学员
training-col-points = 得分
training-col-rule = 规则
training-col-why = 理由
training-grade-trainee = { $trainee }（{ $file }）：{ $points } / { $max } 分
training-grade-shipment = { $scenario } · { $title } · 货物 { $shipment }：{ $points } / { $max } · { $time }
training-summary-title = 全班小结：失分最多的项目
training-summary-none = 没有失分项目。
training-summary-row = { $of } 人中 { $missed } 人未得分：{ $item }（{ $scenario }，货物 { $shipment }）

## 控制台
action-take_reading = 读取场景仪器的下一个读数（培训）
action-training_briefing = 再次显示培训简报
key-take-reading = 读取读数（培训）
key-briefing = 培训简报
training-briefing-title = 培训 · 简报
training-briefing-for = { $trainee } 的培训文件：这里没有真实数据。
training-briefing-date = 培训世界的日期：{ $date }
training-briefing-shipment = 货物 { $reference }，报关单 { $declaration }：待查验（货物页，按 i）。
training-seal-intact = 完好
training-seal-broken = 已破损
training-seal-mismatch = 与申报号码不符
training-briefing-seal = • 封志 { $number }：{ $state }
training-briefing-readings = • 现场可取 { $count } 个读数：在记录的测量部分按 Ctrl-X 读取下一个。
training-briefing-keys = 按 F4 可再次显示本简报。
training-panel-keys = Esc / Enter：关闭    ↑ ↓ PgUp PgDn：滚动
training-debrief-title = 培训 · 讲评
training-debrief-score = { $title }，货物 { $shipment }：{ $points } / { $max } 分
training-debrief-nothing = 无
training-debrief-item = { $mark } { $item }：答案 { $expected } · 你 { $done } · { $points }/{ $max }
training-not-a-training-file = 这不是培训文件：没有简报。
training-reading-taken = 已取读数：{ $label }（还剩 { $left } 个）
training-reading-none-left = 这票货物的读数已全部记入记录。
training-reading-no-draft = 读数记入草稿记录：请先打开这票货物。
training-reading-not-training = 读数来自培训场景；这票货物不属于场景。

## 培训文件的收据与报告
receipt-training-mark = 培训 - 非正式记录

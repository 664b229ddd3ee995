# minspect zh/cli.ftl：命令行子命令的文字输出（`--json` 不随语言改变）。
# 每个 id 两种语言都有（tests/architecture/catalogue.rs）。

## 打开数据库
cli-no-home = 没有主目录：请用 --db PATH 指定或设置 MINSPECT_DB
cli-no-database = { $path } 处没有数据库；请用 `minspect init` 创建，或直接启动 `minspect`
cli-no-subcommand = 没有子命令
cli-writing-stdout = 写入标准输出失败：{ $error }
cli-creating = 创建 { $path } 失败：{ $error }
cli-writing = 写入 { $path } 失败：{ $error }
cli-cannot-read = { $name }：无法读取：{ $error }

## init 与 db check
cli-init-exists = { $path } 已存在；拒绝覆盖
cli-empty-field = { $field }：不能为空
cli-init-created = 已创建 { $kind } 数据库 { $db }，关员 { $officer }（警号 { $badge }），设备 { $device } [{ $device_id }]
cli-check-damaged = 已损坏：{ $db } 未通过完整性检查：{ $problems }
cli-check-marks = 投递标记不一致：{ $db } 通过了完整性检查，哈希链完整，但在 { $at }
cli-check-broken = 哈希链断裂：{ $db } 通过了完整性检查，但其哈希链在 { $at } 处断开
cli-check-ok = 正常：{ $db } 通过了完整性检查和哈希链检查（{ $records } 条记录，{ $devices } 条设备链）

## device、fixture、officer
cli-trusted = 已信任：{ $world } { $kind } 设备 '{ $name }' [{ $device_id }] 密钥 { $key }
cli-already-trusted = 早已信任：{ $world } { $kind } 设备 '{ $name }' [{ $device_id }] 密钥 { $key }
cli-upgraded = 已升级：{ $world } { $kind } 设备 '{ $name }' [{ $device_id }] 密钥 { $key }
cli-fixture-none = --shipments：至少为 1
cli-officer-added = 已添加 { $role } { $name }（警号 { $badge }）[{ $id }]
cli-officer-added-login = 已添加 { $role } { $name }（警号 { $badge }），以登录名 '{ $login }' 操作 [{ $id }]
cli-officer-map-unchanged = { $name }（警号 { $badge }）已使用登录名 '{ $login }'；未作更改
cli-officer-mapped = 已将 { $role } { $name }（警号 { $badge }）映射到登录名 '{ $login }' [{ $id }]
cli-officer-mapped-was = 已将 { $role } { $name }（警号 { $badge }）映射到登录名 '{ $login }'（原为 '{ $old }'）[{ $id }]

## record
cli-read-only-writes = --read-only：此命令会写入数据库
cli-import-read-only = --read-only：record import 会写入数据库
cli-no-pack = 此数据库未安装规则包
cli-no-drafts = 没有未完成的草稿
cli-finalized = 已定稿查验 { $inspection }（设备链序号 { $seq }，哈希 { $hash }，结论 { $verdict }）
cli-import-problems = { $name }：{ $count } 个问题，未导入任何内容：{ $problems }
cli-imported-finalized = 已导入并定稿货物 { $shipment } 的查验 { $inspection }（序号 { $seq }，结论 { $verdict }，{ $transfers } 次保管移交）
cli-imported-draft = 已导入货物 { $shipment } 的查验草稿 { $inspection }
cli-to-fix = 定稿前需修正：{ $problem }
cli-show-head = 货物 { $shipment } 的查验 { $inspection } [{ $state }]
cli-show-seizure = 扣押 { $id }：{ $goods } { $quantity } { $unit }（{ $transfers } 次保管移交）
cli-receipt-written = 收据已写入 { $path }

## 同步状态（minspect sync status；同步页摘要）
sync-status-device = 设备 { $device }（{ $kind }）
sync-status-counts = 已定稿 { $finalized }  已发送 { $sent }  已确认 { $acknowledged }  已接收 { $received }
sync-status-oldest = 最早未确认：序号 { $seq } { $kind } { $record }（{ $state }，自 { $since }）
sync-status-oldest-none = 最早未确认：无
sync-status-export = 上次导出：{ $at } 序号 { $from }..{ $to } { $path }
sync-status-export-never = 上次导出：从未
sync-status-receipt = 上次回执：{ $at } 至序号 { $to } { $path }
sync-status-receipt-never = 上次回执：从未
sync-status-held = 设备 '{ $name }' [{ $device }] 的记录：{ $records } 条，链头序号 { $head }
sync-never = 从未
sync-up-to-seq = 至序号 { $seq }
sync-seq-range = 序号 { $from }..{ $to }  { $records } 条记录
sync-last-receipt = 上次回执
sync-last-export = 上次导出
sync-summary-hq = { $name } · 总部 · 已从 { $devices } 台设备接收 { $records } 条记录
sync-summary-hq-hint = 在此导入各现场设备的数据包；每次导入都会写出一份已签名的回执。
sync-kind-training = 培训数据库（从不导出）
sync-kind-field = 现场设备
sync-summary-waiting = { $name } · { $kind } · 等待总部：{ $count }（最早 { $oldest }）
sync-summary-waiting-none = { $name } · { $kind } · 等待总部：0
sync-summary-counts = 已定稿 { $finalized }   已发送 { $sent }   已确认 { $acknowledged }

## 同步导出、导入、确认
sync-removed-partial = 已删除 { $path }：这是一次中断的导出留下的不完整数据包
sync-exported = 已导出设备 { $device } 的 { $records } 条记录（序号 { $from }..{ $to }）
sync-nothing = 无需导出：所有已定稿的记录都已确认
sync-imported = 已导入设备 '{ $name }' [{ $device }] 序号 { $from }..{ $to }：新增 { $new } 条，已有 { $held } 条；总部现已持有至序号 { $head }；回执中含 { $reviews } 条审核决定
sync-acknowledged = 已确认 { $records } 条记录（总部 '{ $hq }' 持有至序号 { $head }）；新审核决定 { $reviews } 条
sync-ack-review = { $decision } 查验 { $inspection }，审核人 { $reviewer }：{ $comment }

## rules list、search、import；screen
rules-embedded-invalid = 内置规则包无效：{ $error }
rules-list-head = 规则包 { $version }（发布 { $published }，来自 { $from }）：{ $items } 个物项
rules-list-stale = 请核实：今天（{ $date }）距规则包发布已超过 { $days } 天；规则可能已变化：请确认现行状态并导入更新的规则包
rules-list-not-controlled = [不受管制]
rules-list-not-in-force = [今日未生效]
rules-cli-no-match = 没有与 '{ $query }' 匹配的规则
rules-matched = （匹配 { $matched }）
rules-import-read-only = rules import：数据库以只读方式打开
rules-import-cannot-read = { $path }：无法读取规则包：{ $error }
rules-import-unchanged = 规则包 { $version } 已安装；未作更改
rules-import-done = 已从 { $source } 安装规则包 { $version }（发布 { $published }，{ $items } 个物项）
rules-import-replacing = 已从 { $source } 安装规则包 { $version }（发布 { $published }，{ $items } 个物项），替换 { $previous }
screen-stdin = facts：无法读取标准输入：{ $error }
screen-cannot-read = facts：无法读取 { $path }：{ $error }
screen-json = 写出筛查 JSON 失败：{ $error }

# minspect zh/pending.ftl：确认后的写入做了什么（src/tui/pending.rs），显示在状态行。

pending-finalized = 已定稿：链记录 #{ $seq }（{ $hash }…），结论 { $verdict }，规则包 { $pack }。
pending-finalizing-failed = 定稿失败：{ $error }
pending-custody-recorded = 已记录移交：链记录 #{ $seq }。
pending-custody-failed = 移交记录失败：{ $error }
pending-discarded = 草稿已删除（审计日志中保留）。
pending-discard-failed = 删除失败：{ $error }
pending-acknowledged = 已确认 { $records } 条记录、{ $reviews } 条新审核决定（总部“{ $hq }”已收到序号 { $seq } 及之前的记录）
pending-imported = 已导入设备“{ $device }”的 { $records } 条新记录（{ $held } 条已有）；回执已写入 { $path }
pending-exported = 已导出 { $records } 条记录（序号 { $from }..{ $to }）到 { $path }
pending-removed-partials = ；已删除 { $count } 个中断导出留下的不完整数据包
pending-nothing-to-export = 无可导出：所有已定稿记录均已确认
pending-io-missing = { $doing }：文件不存在
pending-io-denied = { $doing }：权限不足（请检查所有者和权限）
pending-io-full = { $doing }：磁盘已满
pending-io-other = { $doing }：{ $error }

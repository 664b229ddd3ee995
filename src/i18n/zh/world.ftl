## 正式与培训两个环境：培训总部（`minspect training hq`）
world-hq-empty = { $flag }：不能为空
world-hq-exists = { $file } 已存在；未写入任何文件
world-hq-created = 已创建培训总部 { $file }：设备 { $device } [{ $id }]，主管 { $supervisor }（警号 { $badge }）；它只信任培训笔记本，拒绝正式环境的密钥、数据包和回执
world-hq-next = 下一步：`minspect --db { $file } device export-key --out training-hq.key`，并在每台培训笔记本上运行 `device trust training-hq.key`；在此用 `device trust` 信任每台笔记本的密钥

## 培训环境中的同步标签页：只提培训总部
world-sync-laptop-waiting = { $device } · 培训笔记本 · 等待培训总部：{ $count }（最早 { $oldest }）
world-sync-laptop-none = { $device } · 培训笔记本 · 等待培训总部：0
world-sync-counts = 已定稿 { $finalized }   已发送 { $sent }   已确认 { $acknowledged }
world-sync-hq-title = { $device } · 培训总部 · 已从 { $devices } 台笔记本收到 { $received } 条记录
world-sync-hq-hint = 在此导入培训笔记本的数据包；正式设备的数据包会被拒绝。
world-sync-queued = 待发往培训总部（{ $count }）
world-sync-queued-first = 待发往培训总部（前 { $shown } 条，共 { $count } 条）
world-sync-nothing-waiting = 没有待发记录：培训总部已确认所有定稿记录。
world-sync-decisions-from-hq = 来自培训总部的审核决定（共 { $count } 条）· Enter 打开记录
world-sync-held-title = 为培训笔记本保存的记录（{ $count }）
world-sync-nothing-received = 尚未收到任何记录：导入培训笔记本的数据包（i）。
world-sync-export-title = 导出到培训总部
world-sync-ack-ask = 培训总部为本笔记本写出的回执文件：
world-sync-import-ask = 培训笔记本导出的数据包文件（回执写在它旁边）：

# minspect zh/chrome.ftl：框架：标签页、状态栏、帮助、命令面板、对话框、语言。
# 每个 id 都在两种语言中（tests/architecture/catalogue.rs）。值不以空格开头或结尾
# （Fluent 会去掉；{" "} 可保留一个）。

## Tabs, title and status bar
tab-rules = 规则
tab-shipments = 货物
tab-record = 记录
tab-sync = 同步
status-read-only = 只读
status-not-set-up = 未设置
status-pending-short = { $count } 待同步
status-pending = 同步 { $count } 待发
status-pack-age = 规则包 { $version } · { $days } 天
status-pack = 规则包 { $version }
status-no-pack = 无规则包
role-officer = 关员
role-supervisor = 审核员
role-trainer = 培训员
kind-hq = 总部
kind-training = 培训

## Help, palette and dialogs
help-title = 帮助：{ $context } 的按键（输入以筛选）
help-filter = 筛选：
help-no-match = 没有与筛选匹配的按键
help-footer = { $count } 个按键 · Esc 关闭 · : 按名称运行任意操作
palette-title = 命令面板
palette-no-match = 没有匹配的操作
palette-not-here = 此处不能使用“{ $name }”：请{ $place }
palette-no-command = 没有与“{ $query }”匹配的命令
dialog-confirm = 确认
dialog-yes-no = y / Enter：是    n / Esc：否
dialog-quit-unsaved = 放弃已输入的内容并退出？
dialog-too-small = 请把终端放大到至少 { $min_w }x{ $min_h }（当前 { $w }x{ $h }）。
dialog-q-quits = 按 q 退出。
lang-unknown = { $setting }：minspect 不支持语言“{ $value }”；请用 en 或 zh
lang-switched = 界面语言：中文（已为 { $officer } 保存）
lang-switched-unsaved = 界面语言：中文（未保存：{ $reason }）

## The Rules tab
rules-title = 规则（{ $count }）
rules-search-hint = / 搜索
rules-no-pack = 未安装规则包
rules-no-match = 没有匹配的物项
rules-screen-title = 筛查货物（Esc 关闭）
rules-detail = 详情
rules-select-hint = 选择一个物项；s 筛查货物。
scr-fill-in = 填写日期（及其他任一字段）即可筛查。
scr-hs_code = 商品编码
    .hint = 8112929090
scr-description = 品名描述
    .hint = gallium ingots 99.99%
scr-composition = 成分
    .hint = Ga 30, Zn 70
scr-measurements = 测量
    .hint = purity_pct 99.9
scr-destination = 目的国
    .hint = US
scr-end_use = 最终用途
    .hint = civil | military | unknown
scr-date = 日期
    .hint = YYYY-MM-DD

## The Rules tab's detail pane
detail-item = 物项
detail-item-family = { $id } · 类别 { $family }
detail-formulae = 化学式
detail-control-code = 管制编码
detail-not-published = 未公布
detail-licence = 许可证
detail-licence-technology = 技术物项（非货物）
detail-licence-required = 须申领出口许可证
detail-licence-none = 无需许可证
detail-unconfirmed = 未经确认：{ $what }
detail-unconfirmed-mark = 未经确认
detail-sources = 来源
detail-hs-codes = 商品编码
detail-criteria = 技术指标
detail-every-grade = 所有等级
detail-criteria-groups = 技术指标（组内全部满足；任一组即可）
detail-group = [第 { $group } 组]
detail-announcement = 公告
detail-never-on-its-own = 不单独生效
detail-issued = 发布机关 { $issuers } · 发布 { $published } · 施行 { $effective } · { $status }
detail-status-in-force = 现行有效
detail-status-suspended = 暂停实施
detail-status-superseded = 已被替代
detail-status-framework = 框架性规定
detail-suspended = 暂停 { $window }
detail-suspended-clause = 第 { $clause } 条暂停 { $window }
detail-window = { $start } → { $end }，依据 { $by }
detail-clauses = 目的地和最终用途条款
detail-open = 未定
detail-any-destination = 任何目的地
detail-effect-prohibited = 禁止
detail-effect-licence-required = 须许可证
detail-effect-needs-review = 需审查

## The Sync tab
sync-held-title = 为现场设备保存的记录（{ $count }）
sync-col-name = 名称
sync-col-device-id = 设备 id
sync-col-records = 记录数
sync-col-head-seq = 最新序号
sync-queued-first = 待发往总部（前 { $shown } 条，共 { $count } 条）
sync-queued = 待发往总部（{ $count }）
sync-col-seq = 序号
sync-col-kind = 类型
sync-col-record-id = 记录 id
sync-col-created = 创建时间
sync-col-state = 状态
sync-nothing-received = 尚未收到任何数据：导入数据包（i）。
sync-nothing-waiting = 没有待发记录：所有已定稿记录均已确认。
sync-reviews-here = 本处作出的审核决定（{ $count }）
sync-reviews-from-hq = 总部的审核决定（{ $count }）
sync-no-reviews = 尚无审核决定。
sync-no-comment = （无意见）
sync-review-line = { $comment } · { $reviewer } { $at } · 查验 { $inspection }
sync-export-title = 导出到总部
sync-export-ask = 写入签名数据包的目录（U 盘、共享文件夹）：
sync-ack-title = 确认回执
sync-ack-ask = 总部为本设备写出的回执文件：
sync-import-title = 导入数据包
sync-import-ask = 现场设备导出的数据包文件（回执写在其旁边）：
sync-prompt-keys = Enter：继续（写入前会确认）    Esc / C-g：取消
sync-reading = 正在读取同步状态…
sync-directory = 目录：
sync-file = 文件：
tui-creating-dir = 创建数据库目录 { $path } 失败：{ $error }
app-not-set-up = 数据库 { $path } 尚未设置；请先在不加 --read-only 的情况下启动一次 minspect
app-in-memory = （内存中）
app-no-shipment = 未选择货物
app-read-only-action = 只读：{ $name } 不可用
app-set-up = 已为 { $officer } 设置好数据库。
app-pending-count = 待同步计数：{ $error }

## 首次运行对话框
setup-title = 欢迎使用 minspect：设置此数据库
setup-new-database = 新数据库 { $name }。
setup-who = 谁使用这台笔记本？（Enter：下一项/保存，Tab：下一字段）
setup-officer = 关员姓名
setup-badge = 警号
setup-device = 设备名称
setup-empty-officer = 关员姓名不能为空
setup-empty-badge = 警号不能为空
setup-empty-device = 设备名称不能为空
setup-footer = 保存时安装内置规则包。Ctrl-C 退出。

## 重新筛查列表（笔记本上的规则页，总部的审核页）
action-rescreen = 重新筛查：当前规则包会作出不同判定的已定稿记录
where-use-the-rules-or-review-tab = 请在规则页使用（总部在审核页）
key-rescreen = 重新筛查列表
key-rescreen-open = 打开记录
key-rescreen-since = 定稿起始日期
key-rescreen-back = 返回
key-rescreen-since-clear = 全部已定稿记录
key-rescreen-again = 重新筛查
rescreen-col-record = 记录
rescreen-col-declared = 申报日期
rescreen-col-verdicts = 原判定 → 新判定
rescreen-col-why = 原因
rescreen-view-title = 按规则包 { $version } 重新筛查：{ $checked } 条已定稿记录中 { $changed } 条判定改变
rescreen-view-title-none = 重新筛查
rescreen-view-legend = 每条记录按其申报日期重新筛查；不修改任何记录。
rescreen-view-why = { $declaration }：规则包 { $before_pack } 下为 { $before } → { $after }
rescreen-view-since = 定稿起始：
rescreen-view-since-hint = 全部已定稿记录（按 / 输入定稿起始日期）
rescreen-view-empty = 没有已定稿记录的判定会改变。
rescreen-view-not-read = 无法读取列表。
rescreen-view-record-title = 记录（只读，Esc 返回列表）
rescreen-view-bad-since = “{ $value }”不是日期（YYYY-MM-DD）；列表保持不变
rescreen-view-no-pack = 未安装规则包：无法筛查
rescreen-view-unreadable = 无法重新筛查：{ $error }
## 当事方筛查：名称完整包含所列名称（所列集团的下属单位）
party-rel-group = 包含所列名称
party-hit-group = { $role }“{ $name }”完整包含《{ $list_zh }》所列 { $listed_zh }（{ $ann_zh }）的名称“{ $matched }”且另有其他字样：可能是所列当事方的分支机构、子公司或下属单位（相似度 { $score }）。放行前请确认当事方身份。{ $unconf }

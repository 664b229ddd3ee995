# minspect zh/errors.ftl：下层（domain、store、sync）发现的问题，以 id 表示。

## 存储层的拒绝
store-problems = { $list }
store-cannot-finalize = 查验 { $id } 无法定稿（{ $count } 个问题）：{ $list }
store-custody-problem = 保管移交：{ $problem }
store-record-refused = 记录序号 { $seq }（id { $id }）被拒绝：{ $problem }
store-custody-draft = 扣押 { $id } 仍是草稿；请先将查验定稿，再登记保管移交

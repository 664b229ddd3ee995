# minspect zh/problems_scenario.ftl：演练情景文件（src/fixture/scenario）的问题，以消息 id 表示。

scn-at = { $file }:{ $line }：{ $reason }
scn-ref-twice = 货物编号（ref）“{ $ref }”重复使用
scn-one-key = 货物“{ $ref }”须有且只有一个 [[key]]（实有 { $n } 个）
scn-file-name = 文件名“{ $id }”只能由小写字母、数字和连字符组成
scn-empty = { $field } 不能为空
scn-difficulty = 难度为 { $value }；请填 1、2 或 3
scn-case = 案例“{ $case }”不是规则参考资料的案例编号（如 C12）
scn-no-shipment = 情景至少需要一个 [[shipment]]
scn-needs-ref = 情景含多票货物时，每票货物都须有 ref
scn-declared = 货物 { $name }：declared.{ $field }：{ $problem }
scn-declared-late = 货物 { $name }：申报日期 { $on } 晚于情景日期 { $date }
scn-reading-label = 货物 { $name }：检测读数须有 label
scn-reading = 货物 { $name }：读数“{ $label }”：{ $field }：{ $problem }
scn-seal-state = 货物 { $name }：封志 { $seal }：状态“{ $state }”不是以下之一：{ $states }
scn-key-no-ref = 答案：没有货物的 ref 为“{ $ref }”
scn-key-no-outcome = 答案 { $name }：outcome 未列出处置结果
scn-key-seize = 答案 { $name }：seize = { $seize } 与 outcome 不一致
scn-key-legal-basis = 答案 { $name }：扣押须有 legal_basis，且只有扣押才有
scn-key-custody = 答案 { $name }：移交须以扣押为前提
scn-key-finding-twice = 答案 { $name }：查获情况 { $kind } 重复列出
scn-key-no-points = 答案 { $name }：没有任何计分项
scn-key-rule = 答案 { $name }：“{ $id }”不是规则包中的规则编号
scn-key-announcement = 答案 { $name }：“{ $id }”不是规则包中的公告（写法如 2023 No. 23）

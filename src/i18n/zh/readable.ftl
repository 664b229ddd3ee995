# 扣押收据的法律依据、命令行筛查结果以及控制台计数和单位的用语。
receipt-basis-cited = { $name } [{ $cite }]
receipt-no-seizure = 查验记录 { $id } 没有可出具收据的扣押
ships-title-exact = { $filtered ->
    [yes] 货物 · 匹配 { $count } 条
   *[no] 货物 · 共 { $count } 条
}
ships-title-over = { $filtered ->
    [yes] 货物 · 匹配超过 { $count } 条
   *[no] 货物 · 共超过 { $count } 条
}
ships-title-at-least = 货物 · 至少匹配 { $count } 条
ships-title-page = 显示 { $shown } 条
sync-col-declaration = 报关单号
sync-kind-inspection = 查验
sync-kind-custody_event = 监管移交

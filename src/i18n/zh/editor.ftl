# minspect zh/editor.ftl：记录编辑器的提示与确认（src/tui/screens/record）。
editor-custody-after-finalize = 保管移交只能追加到已定稿记录的扣押上
editor-custody-problem = 保管移交：{ $problem }
editor-custody-ask = 将 { $at } 从 { $from } 移交给 { $to } 的记录追加到链上？此操作无法撤销。

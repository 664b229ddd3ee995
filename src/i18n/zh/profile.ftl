# 由报关单文件填写货物、预填、监管移交原因。
profile-decl-title = 由报关单文件填写货物
profile-decl-ask = 报关单文件（含 shipment 部分的 JSON，与 record import 读取的格式相同）
profile-decl-hint = Tab 补全文件名 · Enter 填写货物表单 · Esc 取消
profile-decl-empty-path = 文件：请给出报关单文件的路径
profile-decl-unreadable = 文件：无法读取 { $path }（{ $reason }）；未作任何更改
profile-decl-bad = 报关单文件：{ $problem }；未作任何更改
profile-decl-done = 货物 { $no } 已由报关单填写：定稿前请逐项核对
action-import_declaration = 由报关单文件（record-import JSON）填写货物表单
key-import-declaration = 由报关单文件填写货物
cust-reason-storage = 移入扣押库房，待案件处理
cust-reason-case = 移交案件处理
cust-reason-lab = 送实验室检验
cust-reason-released = 放行交还出口商
cust-reason-returned = 退回

# 官员表单：选择列表、补全、表单内切换标签页、离开表单。
key-tabs-function = 标签页（F2 规则 … F6 审核）
form-pick-hint = 输入以筛选，Enter：列表

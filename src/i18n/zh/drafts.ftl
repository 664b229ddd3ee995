# 草稿列表,以及从上次编辑的位置继续草稿。
editor-saving-focus = 记录草稿的编辑位置:{ $error }
drafts-untitled = (未命名草稿)

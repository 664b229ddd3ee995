# 关员记录页上被退回的查验。
send-back-returned = 已退回:{ $comment }
send-back-amend = { $key } 更正:回应退回

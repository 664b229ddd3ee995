# 查验的开始和结束时间:以本机当地时间(含时差)输入和显示。
insp-started_at = 开始时间
    .hint = YYYY-MM-DD hh:mm(当地时间)
insp-ended_at = 结束时间
    .hint = YYYY-MM-DD hh:mm,可留空
time-not-local = “{ $value }”不是日期时间,格式如 { $example }
time-in-future = “{ $value }”晚于现在(现在 { $now });请填写实际发生的时间

# 扣押收据的法律依据、命令行筛查结果以及控制台计数和单位的用语。
receipt-basis-cited = { $name } [{ $cite }]
receipt-no-seizure = 查验记录 { $id } 没有可出具收据的扣押

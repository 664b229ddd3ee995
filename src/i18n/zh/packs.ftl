## 已发布并签名的规则包：rules publish、rules import、回执携带的规则包
packs-published = 已发布规则包 { $version }（由总部 { $hq } 签名）：{ $path }
packs-published-again = 规则包 { $version } 此前已发布；已重新写出其文件：{ $path }
packs-published-installed = 总部现以规则包 { $version } 进行筛查
packs-imported-signed = 已安装规则包 { $version }（发布于 { $published }），由总部 { $hq } 签名
packs-imported-unsigned = 已安装未签名规则包 { $version }（发布于 { $published }）；已记入审计，在收到签名规则包之前显示为未签名
packs-ack-installed = 已从回执安装规则包 { $version }（由总部签名）
packs-ack-kept = 回执携带的规则包 { $version } 不比已安装的新：保留已安装的规则包
packs-publish-read-only = rules publish：数据库以只读方式打开
packs-hq-pack-file = { $file }：已发布的规则包文件在现场笔记本上导入；总部导入规则包 TOML（然后用 `rules publish` 发布）

## 状态栏和同步页上的当前规则包
packs-status-signed = 规则包 { $version } · 已签名 · { $days } 天
packs-status-unsigned = 规则包 { $version } · 未签名 · { $days } 天
packs-line-signed = 规则包 { $version } · 由 { $hq } 签名 · 发布于 { $published }，{ $days } 天
packs-line-unsigned = 规则包 { $version } · 未签名 · 发布于 { $published }，{ $days } 天
packs-line-local = 规则包 { $version } · 本机安装，未签名 · 发布于 { $published }，{ $days } 天
packs-line-none = 未安装规则包

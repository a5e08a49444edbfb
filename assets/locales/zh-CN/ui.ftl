# 跨境桌面界面文案（简体中文）。
# 所有 id 以 "ui-" 开头，避免与 copy.ftl (finding-*)、import.ftl (import-*)、errors.ftl (error-*) 冲突。
# 请与 en/ui.ftl 保持一致。

## 通用

ui-loading = 加载中…
ui-close = 关闭
ui-cancel = 取消
ui-done = 完成
ui-save = 保存
ui-saving = 正在保存…
ui-saved = 已保存
ui-save-failed = 未保存
ui-save-failed-label = 未保存：
ui-save-retrying = Kuajing 会自动重试。
ui-save-retry-now = 立即重试
ui-save-conflict = 未保存：已在别处修改
ui-retry = 重试
ui-browse = 浏览…
ui-dismiss = 关闭提示
ui-severity-error = 错误
ui-severity-warning = 警告

## 顶栏

ui-search-placeholder = 搜索商品
ui-search-label = 按中文或英文搜索商品
ui-import = 导入
ui-export = 导出
ui-settings = 设置
ui-marketplace = 目标平台
ui-lang-switch = 切换语言（English / 中文）
ui-rate-missing = 未设置汇率
ui-rate-chip-title = 用于价格换算的美元兑人民币汇率（点击修改）
ui-rate-value = 1 美元 = { $rate } 元（{ $date }）

## 空目录

ui-empty-title = 商品目录还是空的
ui-empty-lead = 先导入 Shopify 商品，再对照英文原文撰写天猫国际的中文商品信息。
ui-empty-sample = 载入示例目录
ui-empty-sample-sub = 华盛顿州樱桃园、阿拉斯加海产加工厂和俄勒冈坚果农场的八件商品（含规格与照片），可用来试用全部功能。
ui-empty-import = 导入 Shopify CSV
ui-empty-import-sub = 使用 Shopify 后台导出的商品 CSV 文件（{ $shortcut }）。
ui-sample-loaded = 已载入示例目录：{ $count } 件商品。

## 商品列表

ui-list-order = 列表排序
ui-list-order-vendor = 按商家
ui-list-order-attention = 待处理优先
ui-list-label = 商品
ui-list-count = { $count } 件商品
ui-list-empty = 还没有商品。
ui-list-no-match = 没有与“{ $search }”匹配的商品。
ui-list-no-zh = 尚无中文标题
ui-list-errors = 中文文案有 { $count } 处错误
ui-list-complete = 此平台完整度 { $percent }%（缺少的项目见商品页）
ui-pick-product = 在左侧选择一件商品，编辑它的中文商品信息。
ui-pick-hint = 用 ↑ ↓ 在列表中移动，按 Enter 打开商品。

## 商品页

ui-product-load-failed = 无法加载此商品。
ui-product-counts = { $variants } 个规格 · { $images } 张图片
ui-product-tabs = 商品分区
ui-tab-listing = 商品信息
ui-tab-history = 修改记录
ui-product-english = 英文原文
ui-product-chinese = 简体中文
ui-product-title = 标题
ui-product-description = 描述
ui-product-no-description = 没有描述。
ui-product-vendor = 供应商
ui-product-type = 类型
ui-product-tags = 标签
ui-product-fields = 商品资料
ui-product-fields-hint = 离开输入框时自动保存。
ui-product-variants = 规格
ui-product-attributes = 属性
ui-product-images = 图片

## 中文文案编辑

ui-copy-title-label = 中文标题
ui-copy-title-placeholder = 输入天猫国际的中文标题
ui-copy-description-label = 中文描述
ui-copy-description-placeholder = 输入中文商品描述
ui-copy-units = { $units } 个 GBK 字节
ui-copy-chars-hint = 按字符数计算长度（该平台的算法）：每个字符计 1，不论中英文。
ui-copy-units-hint = 按 GBK 字节计算长度：每个汉字计 2，每个英文字母或数字计 1。
ui-copy-clean = 未发现问题
ui-copy-errors = { $count } 处错误
ui-copy-warnings = { $count } 处警告
ui-copy-findings = 文案中发现的问题
ui-copy-show-in-text = 在文本中选中此处

## 商品资料字段

ui-field-title = 标题
ui-field-description = 描述
ui-field-product = 商品
ui-field-brand-en = 英文品牌
ui-field-brand-zh = 品牌（中文）
ui-field-origin = 原产国
ui-field-hs-code = HS 编码
ui-field-hs-code-hint = 例如 0809290000
ui-field-ingredients = 配料
ui-field-ingredients-hint = 例如 新鲜樱桃
ui-field-net-content = 净含量（公制）
ui-field-net-content-hint = 例如 907克
ui-field-shelf-life = 保质期
ui-field-shelf-life-hint = 例如 冷藏7-10天
ui-field-storage = 贮存条件
ui-field-storage-hint = 例如 0-2℃冷藏

## 规格、属性、图片

ui-variants-none = 没有规格。
ui-variants-option = 选项
ui-variants-sku = SKU
ui-variants-price = 价格（美元）
ui-variants-weight = 重量
ui-variants-barcode = 条形码
ui-attributes-none = 没有属性。
ui-attributes-key = 键
ui-attributes-value = 值
ui-images-none = 没有图片。
ui-image-ready = 已就绪
ui-image-waiting = 等待联网下载
ui-image-failed = 处理失败

## 修改记录

ui-history-empty = 还没有修改记录。
ui-history-time = 时间
ui-history-field = 字段
ui-history-change = 修改内容
ui-history-source = 来源
ui-history-restore = 恢复
ui-history-none = （无）
ui-history-to = 改为
ui-source-import = 导入
ui-source-edit = 编辑
ui-source-cli = 命令行
ui-source-sample = 示例

## 导入对话框

ui-import-title = 导入 Shopify CSV
ui-import-path-label = CSV 文件
ui-import-path-placeholder = /路径/products_export.csv
ui-import-hint = 请先预览：正式导入前不会写入任何数据。
ui-import-browse-title = 选择 Shopify 商品 CSV 文件
ui-import-preview = 预览
ui-import-apply = { $count ->
    [0] 导入
   *[other] 导入 { $count } 件商品
}
ui-import-products = 件商品
ui-import-variants = 个规格
ui-import-images = 张图片
ui-import-errors = 处错误
ui-import-warnings = 处警告
ui-import-encoding = 文件编码：{ $encoding }
ui-import-added = 新增 { $count } 件
ui-import-updated = 更新 { $count } 件
ui-import-unchanged = 无变化 { $count } 件
ui-import-added-label = 新增：
ui-import-updated-label = 更新：
ui-import-severity = 级别
ui-import-row = 行
ui-import-column = 列
ui-import-problem = 问题
ui-import-blocked = 请先修正文件中的错误，再重新预览。本次未导入任何数据。
ui-import-stale = 文件路径已更改，请重新预览后再导入。
ui-import-reading = 正在读取文件：{ $done } / { $total } MB
ui-import-writing = 正在写入：{ $done } / { $total } 行
ui-import-cancel = 取消
ui-import-cancelling = 正在取消…
ui-import-cancelled = 导入已取消，未做任何更改。
ui-import-more = 等另外 { $count } 件
ui-import-done = 已导入 { $products } 件商品。

## 导出对话框

ui-export-title = 导出商品资料包
ui-export-marketplace = 目标平台
ui-export-path = 保存到
ui-export-browse-title = 将商品资料包另存为
ui-export-run = 导出
ui-export-again = 再次导出
ui-export-working = 正在导出：生成图片并写入商品表…
ui-export-done = 导出完成
ui-export-nothing = 没有导出任何商品：所有商品均被跳过。请先处理下列问题，再重新导出。
ui-export-file = 文件
ui-export-products = 商品
ui-export-labels = 中文电子标签
ui-export-rows = 表格行数
ui-export-rows-note = 每个规格一行
ui-export-images = 图片
ui-export-rate = 汇率
ui-export-skipped = 跳过了 { $count } 件商品
ui-export-warnings = 已导出，但请检查以下 { $count } 件商品
ui-export-no-rate = 导出时需要把价格换算成人民币，因此必须先设置汇率。请在“设置”中填写美元兑人民币汇率，然后重新导出。
ui-export-open-settings = 打开设置

## 设置对话框

ui-keys-title = 快捷键
ui-keys-everywhere = 任何位置
ui-keys-search = 搜索商品
ui-keys-import = 导入 Shopify 导出文件
ui-keys-export = 导出商品包
ui-keys-settings = 设置
ui-keys-help = 本列表
ui-keys-escape = 关闭对话框，或清除搜索
ui-keys-list = 商品列表
ui-keys-list-move = 上一个或下一个商品
ui-keys-list-jump = 上翻或下翻一页，第一个或最后一个商品
ui-keys-list-open = 打开所选商品
ui-keys-list-pick = 选中或取消所选商品以批量修改（也可 Ctrl/Cmd 点击；Shift 点击选择一段；Esc 取消）
ui-keys-list-pick-all = 选中搜索和筛选匹配的全部商品
ui-keys-editor = 中文字段
ui-keys-draft = 为此字段起草
ui-keys-tm = 填入第 1 到 9 条翻译记忆
ui-keys-save = 立即保存（也会自动保存）
ui-keys-undo = 撤销输入、草稿或修正
ui-keys-tables = 规格值和术语表
ui-keys-table-save = 保存此行
ui-keys-table-undo = 撤销此行的修改
ui-keys-button = 快捷键 (?)
ui-export-approved-only = 只导出已批准的中文内容
ui-export-approved-only-hint = 按平台保存。关闭时导出全部内容，报告列出每个尚未批准的字段。
ui-settings-title = 设置
ui-settings-rate = 汇率
ui-settings-rate-intro = Shopify 的价格以美元计，导出时按此汇率换算成人民币。
ui-settings-current = 当前汇率：1 美元 = { $rate } 元（{ $date }）
ui-settings-no-rate = 尚未设置汇率，导出前必须设置。
ui-settings-rate-label = 美元 → 人民币
ui-settings-date-label = 汇率日期
ui-settings-rate-invalid = 请输入大于 0 的数字，例如 7.10。
ui-settings-date-invalid = 请按 YYYY-MM-DD 格式输入日期。
ui-settings-rate-save = 保存汇率
ui-settings-tm = 翻译记忆
ui-settings-tm-label = 建议匹配度不低于
ui-settings-tm-hint = 100 表示英文完全相同。数值越低，匹配越多越宽松；一般从 70 开始。
ui-settings-tm-invalid = 请输入 1 到 100 之间的整数。
ui-settings-reviewer = 审校
ui-settings-reviewer-label = 您的名字
ui-settings-reviewer-hint = 每次批准、驳回和评论都以此名字记录。
ui-settings-mt = 机器起草（可选）
ui-settings-mt-off = 未开启。草稿来自您的术语表、翻译记忆和平台模板，全部在本机完成。如需“机器起草”按钮，请填写兼容 OpenAI 的服务地址：本机服务（Ollama、llama.cpp、vLLM）或云端 API。
ui-settings-mt-on = 已开启：{ $endpoint } 上的 { $model }。只有“机器起草”按钮会连接它。
ui-settings-mt-endpoint = 服务地址
ui-settings-mt-model = 模型
ui-settings-mt-key-env = 密钥变量
ui-settings-mt-key = API 密钥
ui-settings-mt-key-placeholder = 保存在系统钥匙串中（可选）
ui-settings-mt-hint = 本机服务无需密钥。云端 API 请填写存放密钥的环境变量名，或直接输入密钥：密钥保存在系统钥匙串中，绝不写入商品库。
ui-settings-mt-turn-off = 关闭
ui-settings-mt-turned-off = 已关闭
ui-settings-catalog = 目录文件

# Downloading photos named by URL in the Shopify export.
ui-images-fetch = 立即下载
ui-images-waiting-count = 有 { $count } 张照片等待下载。
ui-images-offline = 无网络：{ $count } 张照片将在联网后下载。

## Images: the render batch, each photo's slot images, the compare view

ui-images = 图片
ui-render-open-title = 为某个平台批量生成全部照片
ui-render-title = 生成平台图片
ui-render-marketplace = 平台
ui-render-scope = 照片
ui-render-scope-all = 全部商品（{ $count } 张照片）
ui-render-scope-product = 仅当前打开的商品
ui-render-scope-none = 未打开商品
ui-render-progress-label = 图片生成进度
ui-render-starting = 正在开始…
ui-render-counts = { $done } / { $total } 张照片 · 新生成 { $rendered } · 来自缓存 { $cached } · 失败 { $failed }
ui-render-nothing = 没有可生成的照片：照片尚未下载，或这些商品没有照片。
ui-render-cancelled = 已取消：完成了 { $total } 张中的 { $done } 张。已生成的图片会保留，再次开始时从这里接着做。
ui-render-finished = 已生成 { $total } 张照片，用时 { $seconds } 秒
ui-render-finished-ms = 已生成 { $total } 张照片，用时 { $ms } 毫秒
ui-render-failed-head = { $count } 张图片无法生成
ui-render-findings-head = { $count } 张图片需要检查
ui-render-clean = 所有图片都符合平台要求。
ui-render-esc-hint = 按 Esc 取消
ui-render-cancelling = 正在取消…
ui-render-start = 开始生成
ui-render-again = 重新生成
ui-render-note-photo = 第 { $position } 张照片
ui-render-open-product = 打开商品
ui-render-empty = 目录里还没有照片
ui-render-empty-hint = 导入带照片的 Shopify CSV，或在商品页下载以网址给出的照片，然后再回到这里生成。
ui-images-hint = 每张照片旁边是它在平台上的样子；点击图片可对比。
ui-images-marketplace = 图片平台
ui-images-rendering = 正在生成平台图片…
ui-images-photo = 第 { $position } 张照片
ui-images-no-slots = 此平台没有放这个位置照片的图位。
ui-images-slots-of = 第 { $position } 张照片的平台图片
ui-slot-compare = 与原图对比
ui-slot-parts = { $count } 段
ui-slot-findings = { $slot }的问题
ui-slot-failed = 失败
ui-slot-bytes = { $size } / { $cap }
ui-slot-bytes-sliced = { $size } · 每段≤{ $cap }
# Short badge text for an image finding; the full message is shown on hover and focus.
ui-image-badge = { $code ->
    [source-too-small] 尺寸太小
    [quality-reduced] 已降低画质
    [over-byte-cap] 超出大小上限
    [under-min-bytes] 低于最小大小
    [not-trimmed] 未能裁边
    [background-not-plain] 背景不是纯色
    [colour-profile-ignored] 色彩配置被忽略
    [sliced] 已切段
   *[other] 请检查
}
ui-compare = 对比
ui-compare-title = { $slot } · 第 { $position } 张照片
ui-compare-prev = 上一张 (←)
ui-compare-next = 下一张 (→)
ui-compare-mode = 查看方式
ui-compare-side = 并排
ui-compare-flip = 切换
ui-compare-show-before = 显示原图
ui-compare-show-after = 显示结果
ui-compare-keys = ← → 切换图片 · Esc 关闭
ui-compare-before = 原图
ui-compare-after = 平台图片
ui-compare-before-alt = 第 { $position } 张原图
ui-compare-after-alt = { $slot }，第 { $part } 段，共 { $count } 段
ui-compare-quality = 质量 { $quality }

## 未保存的修改：保存冲突、切换商品、关闭窗口

ui-conflict-title = 您输入期间，这段文字已在别处修改
ui-conflict-lead = 有人在另一个窗口或命令行中保存了这段文字。在您选择保留哪个版本之前，不会保存任何内容。
ui-conflict-mine = 您的版本（未保存）
ui-conflict-theirs = 对方的版本（现存于商品库）
ui-conflict-empty = （空）
ui-conflict-keep-mine = 保留我的
ui-conflict-take-theirs = 采用对方的
ui-unsaved-something = 一项修改
ui-unsaved-stay = 仍停留在此商品：以下修改尚未保存。
ui-export-unsaved = 未导出：以下修改尚未保存，导出包不能遗漏它们。保存后请再次导出。
ui-close-title = 还有内容未保存
ui-close-lead = 以下修改未能保存，因此窗口保持打开：
ui-close-hint = 这些修改仍保留在窗口中，Kuajing 会继续自动重试。不保存就关闭会丢失它们。
ui-close-saving = 正在保存修改，保存后关闭…
ui-close-anyway = 不保存并关闭
ui-close-stay = 继续编辑
ui-close-retry = 重试
ui-complete-title = 各平台完整度
ui-complete-hint = 必填字段和图片已填写且没有错误
ui-complete-missing = 缺少：{ $items }
ui-complete-ready = 已完整
ui-complete-failed = 无法计算完整度。
ui-complete-counting = 正在统计…
ui-export-check-title = 导出前检查
ui-export-checking = 正在检查所有商品…
ui-export-check-summary = { $ready } 个商品可以导出；{ $blocked } 个将被排除。点击一行即可转到对应字段。
ui-export-check-left-out = 将被排除
ui-export-view-report = 查看报告
ui-report-title = 导出报告
ui-vendor-title = { $vendor } 的境内代理商
ui-vendor-hint = 此供应商所有商品的标签都会印上境内进口商或代理商的名称、地址和电话。不确定时请留空，标签上会标为缺失。
ui-vendor-agent-name = 名称
ui-vendor-agent-name-hint = 例如 上海某某进口贸易有限公司
ui-vendor-agent-address = 地址
ui-vendor-agent-address-hint = 例如 上海市浦东新区…
ui-vendor-agent-phone = 电话
ui-vendor-agent-phone-hint = 例如 021-5555-0100
ui-vendor-agent-label = 境内代理商
ui-vendor-agent-none = 尚未填写
ui-vendor-edit = 编辑 { $vendor }…
ui-list-incomplete = 只看未完整
ui-list-incomplete-hint = 只显示缺少此平台必填项的商品
ui-list-filter = 显示
ui-list-filter-all = 全部商品
ui-list-filter-rejected = 中文被驳回
ui-list-filter-stale = 中文已过时（英文有改动）
ui-list-filter-errors = 中文有错误
ui-list-filter-draft = 草稿
ui-list-filter-translated = 已翻译未审校
ui-list-filter-reviewed = 已审校
ui-list-filter-approved = 已批准
ui-list-vendor = 商家
ui-list-vendor-all = 全部商家
ui-list-no-match-filter = 没有符合这些筛选条件的商品。
ui-list-clear-filters = 显示全部商品
ui-bulk-picked = 已选 { $count } 件
ui-bulk-all = 全选 { $count } 件
ui-bulk-edit = 批量修改…
ui-bulk-clear = 取消选择
ui-bulk-title = 批量修改 { $count } 件商品
ui-bulk-hint = 勾选要设置的字段，其余保持不变。每件商品的修改都记入其历史，整次修改可一次撤销。
ui-bulk-apply = 应用到 { $count } 件商品
ui-bulk-done = 已修改 { $count } 件商品
ui-bulk-undo = 撤销
ui-bulk-undone = 已撤销：{ $count } 件商品已恢复原样。
ui-bulk-undone-kept = 已撤销，但之后又改过的字段保持现状：{ $kept }

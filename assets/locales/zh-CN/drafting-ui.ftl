# Kuajing 桌面界面的起草相关文字（简体中文）：起草按钮、建议面板、逐词释义、
# “起草所有空白字段”、规格值和术语表。与 en/drafting-ui.ftl 保持一致。

## 应用本身的错误

error-draft-running = 已有一批起草在进行：请等它完成，或先取消。

## 文案字段

ui-copy-short-title-label = 中文短标题
ui-copy-short-title-placeholder = 用于搜索结果和卡片的简短名称，例如：华盛顿州雷尼尔车厘子
ui-copy-selling-points-label = 中文卖点
ui-copy-selling-points-placeholder = 每行一个卖点，例如：产地：美国华盛顿州
ui-copy-units-longest = 最长一行的单位数，每行都有上限
ui-lines-label = 每行单位数
ui-field-short-title = 短标题
ui-field-selling-points = 卖点
ui-source-draft = 起草

## 起草字段

ui-draft = 起草
ui-draft-hint = 用术语表、翻译记忆和平台模板为此字段起草（Alt+D；Ctrl+Z 可撤销）
ui-draft-mt = 机器起草
ui-draft-mt-hint = 请设置中的机器起草服务为此字段起草；结果与手写内容一样接受检查
ui-draft-sources = 草稿来源
ui-draft-sources-hint = 发布前请逐项核对
ui-draft-source-glossary = 术语表
ui-draft-source-template = 模板
ui-draft-source-units = 单位换算
ui-draft-source-tm = 翻译记忆
ui-draft-source-mt = 机器翻译
ui-draft-template = { $marketplace } 的 { $field } 模板
ui-draft-dropped = 为控制长度省略：{ $variables }

## 中文旁的建议

ui-sugg-title = 建议
ui-sugg-segment = 对应段落：
ui-tm-title = 翻译记忆
ui-tm-empty = 还没有相似英文的译文。您保存的每个标题都会记在这里，供英文相近的商品使用。
ui-tm-use = 使用此译文（Alt+{ $key }）
ui-tm-adapted = 已换算数量
ui-tm-was = 原译文
ui-tm-diff-label = 与此商品英文的差异
ui-tm-insert = 只在此商品的英文中
ui-tm-delete = 只在记忆的英文中
ui-terms-title = 术语
ui-terms-empty = 这段英文中没有术语表里的词。
ui-terms-missing-count = 缺少 { $count } 个
ui-term-present = 中文里已有
ui-term-missing = 中文里还没有
ui-term-insert = 插入到光标处
ui-term-forbidden = 不要用：

## 中文下的逐词释义

ui-gloss-label = 逐词释义
ui-gloss-hint = 悬停或聚焦词语可查看全部释义
ui-gloss-loading = 正在载入词典…
ui-gloss-empty = 输入中文后，这里会逐词译回英文。
ui-gloss-failed = 暂时无法显示释义。
ui-gloss-from-glossary = 来自您的术语表
ui-gloss-paragraph = 第 { $n } 段
ui-gloss-line = 第 { $n } 行

## 起草所有空白字段

ui-draftall-open = 起草
ui-draftall-open-title = 为商品起草所有空白字段
ui-draftall-title = 起草所有空白字段
ui-draftall-lead = 用术语表、翻译记忆和平台模板填写每个空白的标题、短标题、卖点和描述，并保存。已写好的文字不会改动。
ui-draftall-scope = 商品
ui-draftall-scope-all = 全部商品（{ $count }）
ui-draftall-scope-search = 符合搜索的商品（{ $count }）
ui-draftall-scope-search-none = 符合搜索的商品（请先在列表中搜索）
ui-draftall-start = 起草空白字段
ui-draftall-again = 再次起草
ui-draftall-progress-label = 起草进度
ui-draftall-counts = { $done } / { $total } 个商品 · 已起草 { $drafted } 个字段
ui-draftall-finished = 完成：共检查 { $total } 个商品。
ui-draftall-cancelled = 已在 { $total } 个商品中的第 { $done } 个后取消；已起草的内容已保存。
ui-draftall-drafted = 已起草
ui-draftall-kept = 保留（已有文字）
ui-draftall-with-errors = 有错误
ui-draftall-failures = 未能起草
ui-draftall-with-errors-head = 需要修改错误的草稿
ui-draftall-failures-head = 无法起草的字段

## 商品库视图

ui-views-label = 商品库视图
ui-view-products = 商品
ui-view-options = 规格值
ui-view-glossary = 术语表

## 规格值

ui-options-title = 规格值
ui-options-lead = 每个规格选项（如 Size: 2 lb）的中文，整个商品库只需写一次。输入更好的译法后按 Enter 保存，按 Esc 撤销。
ui-options-filter = 筛选规格值
ui-options-missing = { $count } 个没有中文
ui-options-name = 规格
ui-options-value = 值
ui-options-zh = 中文
ui-options-source = 来源
ui-options-products = 商品数
ui-options-zh-label = { $name }：{ $value } 的中文
ui-options-zh-placeholder = 还没有中文
ui-options-enter = 按 Enter 保存
ui-options-empty = 还没有规格值
ui-options-empty-hint = 导入带规格的商品后，这里会列出如 Size: 2 lb 这样的值。
ui-options-no-match = 没有符合“{ $filter }”的规格值。
ui-option-source-units = 单位换算
ui-option-source-glossary = 术语表
ui-option-source-tm = 翻译记忆
ui-option-source-same = 保留原文
ui-option-source-user = 您填写的
ui-option-source-edit = 您填写的

## 术语表

ui-glossary-title = 术语表
ui-glossary-lead = 英文术语的认可中文，以及不要使用的写法。起草、建议和检查都以它为准。
ui-glossary-filter = 搜索术语
ui-glossary-add = 添加术语
ui-glossary-import = 导入 CSV…
ui-glossary-export = 导出 CSV…
ui-glossary-import-pick = 导入术语表 CSV
ui-glossary-export-pick = 将术语表导出为 CSV
ui-glossary-count = { $total } 个术语中的 { $count } 个
ui-glossary-en = 英文
ui-glossary-zh = 中文
ui-glossary-forbidden = 不要用
ui-glossary-category = 类别
ui-glossary-note = 备注
ui-glossary-yours = 自定义
ui-glossary-edit = 编辑
ui-glossary-remove = 删除
ui-glossary-remove-confirm = 删除这个术语？
ui-glossary-saved = 已保存术语“{ $en }”。
ui-glossary-removed = 已删除术语“{ $en }”。
ui-glossary-imported = 已导入术语表：新增 { $added } 个，修改 { $changed } 个，未变 { $unchanged } 个。
ui-glossary-exported = 已将 { $count } 个术语导出到 { $path }。
ui-glossary-empty = 术语表是空的
ui-glossary-empty-hint = 添加您自己的术语，或导入含 en、zh、forbidden、note、category 列的 CSV。
ui-glossary-no-match = 没有符合“{ $filter }”的术语。

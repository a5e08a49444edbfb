# 商品未进入导出包或不完整的原因（`export-<code>`）。
export-no-zh-title = 还没有中文标题。请在商品页填写。
export-copy-error = 中文{ $field }有错误：{ $finding }
export-no-price = 没有任何规格设置了价格。
export-no-image = 没有可放入导出包的图片；平台至少需要一张主图。
export-image-not-fetched = { $src } 尚未下载（等待网络）。
export-image-left-out = 图片 { $src } 未放入：{ $reason }

# 导出包中的 report.txt（`report-<code>`）。
report-title = Kuajing 导出：{ $marketplace }（配置版本 { $version }）
report-rate = 价格按 1 美元 = { $rate } 元人民币换算（{ $date } 的汇率）。
report-counts = 已导出 { $products } 个商品（表格 { $rows } 行）和 { $images } 张图片；{ $skipped } 个商品未导出。
report-skipped-heading = 未导出的商品及原因：
report-warnings-heading = 已导出，但请检查：

# Field names used inside other messages (`field-<field>`).
field-title = 标题
field-description = 描述

# 商品未进入导出包或不完整的原因（`export-<code>`）。
export-no-zh-title = 还没有中文标题。请在商品页填写。
export-copy-error = 中文{ $field }有错误：{ $finding }
export-copy-warning = 中文{ $field }：{ $finding }
export-missing-item = 此平台缺少：{ $item }
export-no-price = 没有任何规格设置了价格。
export-no-image = 没有可放入导出包的图片；平台至少需要一张主图。
export-image-not-fetched = { $src } 尚未下载（等待网络）。
export-image-left-out = 图片 { $src } 未放入：{ $reason }
export-not-approved = 中文{ $field }的状态为“{ $state }”，尚未批准。
export-title-not-approved = 中文标题的状态为“{ $state }”，尚未批准；此平台只导出已批准的内容。
export-left-out-not-approved = 中文{ $field }未导出：状态为“{ $state }”，尚未批准。
export-label-missing = 中文标签缺少：{ $items }。标签上已标为缺失；请在商品页填写（境内代理商在供应商对话框中填写）。
export-over-order-cap = 售价 { $price } 元，超过跨境电商单次交易限值 { $cap } 元：消费者需按全额税率纳税。
export-over-year-cap = 售价 { $price } 元，超过跨境电商个人年度交易限值 { $cap } 元：多数消费者无法通过跨境渠道购买。
export-variants-as-skus = 有 { $count } 个规格：此表格每个商品只列一行，价格取第一个规格；其余请在卖家后台添加为 SKU。

# 导出包中的 report.txt（`report-<code>`）。
report-title = Kuajing 导出：{ $marketplace }（配置版本 { $version }）
report-rate = 价格按 1 美元 = { $rate } 元人民币换算（{ $date } 的汇率）。
report-counts = 已导出 { $products } 个商品（表格 { $rows } 行）和 { $images } 张图片；{ $skipped } 个商品未导出。
report-skipped-heading = 未导出的商品及原因：
report-warnings-heading = 已导出，但请检查：
report-approved-only = 只导出了已批准的中文内容（此平台的设置）。
report-labels = labels/ 中有 { $labels } 份中文电子标签，以及消费者风险告知书（labels/risk-notice.txt）。
report-exported-heading = 已导出
report-col-image = 图片
report-col-product = 商品
report-col-images = 图片数
report-col-notes = 请检查

# Field names used inside other messages (`field-<field>`).
field-title = 标题
field-description = 描述
field-short_title = 短标题
field-selling_points = 卖点
field-title_zh = 中文标题
field-origin = 原产国
field-ingredients = 配料
field-net_content = 净含量
field-shelf_life = 保质期
field-storage = 贮存条件
field-agent_name = 境内代理商
field-agent_address = 代理商地址
field-agent_phone = 代理商电话
field-description_zh = 中文描述
field-short_title_zh = 中文短标题
field-selling_points_zh = 卖点
field-brand = 品牌
field-brand_zh = 品牌中文名
field-hs_code = HS编码
field-price_cny = 价格
field-barcode = 条形码
field-weight_kg = 重量

# Review states used inside other messages (`state-<state>`).
state-draft = 草稿
state-translated = 已翻译
state-reviewed = 已审校
state-approved = 已批准
state-rejected = 已驳回

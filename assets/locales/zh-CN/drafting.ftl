# 起草：术语表、模板、规格值、翻译记忆。

error-draft-template-invalid = 平台 { $marketplace } 的起草模板无效：{ $detail }。请修改其配置文件中的 [drafting] 部分。
error-glossary-csv = { $file } 第 { $row } 行：{ $detail }。术语表 CSV 的列为 en、zh、forbidden、note、category（en 和 zh 必填）。
error-glossary-invalid = 无法加载术语表：{ $detail }

finding-glossary-missing = 英文中有“{ $en }”，但中文缺少规定译法“{ $zh }”。
finding-glossary-forbidden = “{ $en }”不译作“{ $found }”：术语表规定为“{ $zh }”。
error-no-template = 平台 { $marketplace } 没有“{ $field }”的起草模板。请在其配置文件的 [drafting] 部分添加。
error-no-option-value = 没有规格使用选项值 { $name }：{ $value }。可用 `kuajing options` 查看全部规格值。
error-nothing-to-draft = 无法为 { $handle } 起草“{ $field }”：请给它一个含有术语表中商品名的英文标题，或把该商品词加入术语表。

finding-too-many-lines = 共 { $lines } 行：该平台最多显示 { $limit } 条卖点。

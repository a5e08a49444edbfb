# 起草：术语表、模板、规格值、翻译记忆。

error-draft-template-invalid = 平台 { $marketplace } 的起草模板无效：{ $detail }。请修改其配置文件中的 [drafting] 部分。
error-glossary-csv = { $file } 第 { $row } 行：{ $detail }。术语表 CSV 的列为 en、zh、forbidden、note、category（en 和 zh 必填）。
error-glossary-invalid = 无法加载术语表：{ $detail }

finding-glossary-missing = 英文中有“{ $en }”，但中文缺少规定译法“{ $zh }”。
finding-glossary-forbidden = “{ $en }”不译作“{ $found }”：术语表规定为“{ $zh }”。

# 导入 Shopify 商品 CSV 时的提示（crate kuajing-shopify）。
# 行内问题的提示旁边，界面会显示行号和列名。参数均为字符串。

## 行内问题（Problem.code）

import-missing-handle = 这一行没有填写 Handle，无法对应到任何商品。请填上该商品的 Handle（与它其他行的相同），或删除这一行。
import-missing-title = 商品 { $handle } 的第一行没有标题（Title）。请在这一行填写商品标题。
import-orphan-row = 这一行属于商品 { $handle }，但上方没有该商品的第一行（带标题的那一行）。请把这一行移到该商品第一行的下方，或补上商品的第一行。
import-duplicate-handle = Handle { $handle } 在其他商品之后再次出现，它最早用于第 { $first_row } 行。请把同一商品的所有行放在一起，或为这个商品另起一个 Handle。
import-duplicate-sku = SKU { $sku } 被重复使用（首次出现在第 { $first_row } 行）。请为每个规格设置不同的 SKU。
import-shared-sku = SKU { $sku } 在同一商品内被重复使用（首次出现在第 { $first_row } 行）。平台要求每个规格一个 SKU，导出前请分别设置。
import-duplicate-variant = 这个规格的选项（{ $options }）与第 { $first_row } 行的完全相同。请修改选项值，或删除其中一行。
import-bad-number = { $column } 中的“{ $value }”不是数字。请填写纯数字，例如 12 或 1299.00：小数用英文句点，不要带货币符号或单位。
import-barcode-scientific = 条形码 { $value } 被表格软件转成了科学计数法，末尾几位数字已经丢失。请先把该列设为“文本”格式，重新输入完整的条形码，再重新保存 CSV。
import-converted-from-windows-1252 = 此文件不是以 UTF-8 编码保存的，已按 Windows-1252（Excel 的默认编码）读取。请检查 é、ü、€ 等带重音的字母和符号是否显示正确；如有乱码，请将文件另存为“CSV UTF-8”格式后重新导入。
import-conflicting-value = 这一行的 { $column }（“{ $value }”）与第 { $first_row } 行（“{ $kept }”）不一致，已采用第 { $first_row } 行的值。商品信息请只填在商品的第一行，或让各行保持一致。
import-bad-boolean = { $column } 的值“{ $value }”既不是 true 也不是 false，已留空。请填写 TRUE 或 FALSE。
import-option-without-name = 选项 { $option } 有值（“{ $value }”），但商品没有给这个选项命名。请在商品第一行填写 Option{ $option } Name（例如 Size 或 Color）。
import-missing-image-src = 这一行有图片信息（位置或替代文字），却没有图片地址。请在 Image Src 中填写图片网址，或清空这一行的图片单元格。
import-extra-cells = 这一行在最后一列之后还有 { $count } 个填了内容的单元格，它们没有列名。请检查这一行前面是否多了逗号，或为这些列补上列名。
import-duplicate-column = { $column } 列出现了不止一次。系统使用第一列，其余列作为附加信息保留。请删除重复的列或为其改名。

## 整个文件无法导入（Error.code）

import-empty-file = { $file } 是空文件。请选择从 Shopify 导出的商品 CSV（Shopify 后台“产品”→“导出”）。
import-not-csv = { $file } 不是 CSV 文件，看起来是图片、PDF 或表格工作簿。请在 Shopify 后台“产品”→“导出”中导出商品，并选择导出的 CSV 文件；如果用 Excel 或 Numbers 编辑过，请另存为“CSV UTF-8”格式。
import-not-shopify = { $file } 不是 Shopify 商品导出文件：缺少 { $missing } 列。Shopify 商品 CSV 应包含 { $expected } 等列，而此文件的列为：{ $found }。请在 Shopify 后台“产品”→“导出”中导出商品，并选择该文件。
import-no-products = { $file } 只有列标题，没有任何商品行。请确认在 Shopify 后台“产品”→“导出”时选择了“所有产品”，然后重试。

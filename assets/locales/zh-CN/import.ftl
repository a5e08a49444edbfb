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
import-cell-read-as-windows-1252 = 这一行的 { $column } 与文件其他部分不同，不是有效的 UTF-8 文本，因此只有这个单元格按 Windows-1252 编码读取为：“{ $value }”。请检查显示是否正确；如有乱码，请改正这个单元格，并将文件另存为“CSV UTF-8”格式。
import-unsafe-handle = Handle { $handle } 只能包含小写字母、数字、连字符和下划线，也不能是 Windows 保留的设备名（例如 CON），因此该商品以 { $slug } 导入。请在 Shopify 中也把 Handle 改为 { $slug }，使两边保持一致。
import-unsafe-handle-clash = Handle { $handle } 无法原样使用，而它整理后的形式已是商品 { $other }（第 { $other_row } 行）的 Handle，因此这个商品以 { $slug } 导入。请为这两个商品设置明显不同的 Handle。
import-more-problems = 另有 { $count } 个同类问题（{ $code }）未逐一列出。请先修正已列出的问题，再重新导入文件以查看其余问题。

## 超出大小上限的文件（Problem.code，均为错误）

import-too-many-columns = 这一行有 { $count } 个单元格，而 Kuajing 最多读取 { $max } 列，因此读取到此为止。Shopify 商品导出文件的列数远少于一百。如果这是标题行，请确认选择的是从 Shopify 后台“产品”→“导出”得到的文件，并删除不需要的列；否则请检查这一行是否多了逗号。
import-column-name-too-long = { $column } 的列标题长达 { $length } 个字符，而 Kuajing 最多读取 { $max } 个字符，因此该列暂时称为 { $column }。请缩短这个列标题。
import-cell-too-large = 这一行的 { $column } 有 { $size_kb } KB 的内容，而单个单元格最多读取 { $max_kb } KB，超出的部分已被截去。如果这个单元格本不该这么长，请检查其中是否有未闭合的英文引号（"）：它会把文件后面的内容全部并入这个单元格。
import-too-many-rows = 此文件超过 { $max } 行，而 Kuajing 一次最多导入 { $max } 行。请在 Shopify 中分批导出商品（例如按商品系列或供应商），再逐个导入。
import-too-many-cells = 此文件中已填写的单元格超过 { $max } 个，而 Kuajing 一次最多导入 { $max } 个。请在 Shopify 中分批导出商品（例如按商品系列或供应商），再逐个导入。

## 整个文件无法导入（Error.code）

import-empty-file = { $file } 是空文件。请选择从 Shopify 导出的商品 CSV（Shopify 后台“产品”→“导出”）。
import-not-csv = { $file } 不是 CSV 文件，看起来是图片、PDF 或表格工作簿。请在 Shopify 后台“产品”→“导出”中导出商品，并选择导出的 CSV 文件；如果用 Excel 或 Numbers 编辑过，请另存为“CSV UTF-8”格式。
import-not-shopify = { $file } 不是 Shopify 商品导出文件：缺少 { $missing } 列。Shopify 商品 CSV 应包含 { $expected } 等列，而此文件的列为：{ $found }。请在 Shopify 后台“产品”→“导出”中导出商品，并选择该文件。
import-no-products = { $file } 只有列标题，没有任何商品行。请确认在 Shopify 后台“产品”→“导出”时选择了“所有产品”，然后重试。

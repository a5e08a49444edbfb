# 应用与命令行报告的错误，按代码（`error-<code>`）。其下显示 Rust 给出的详细信息（含文件、行或字段）。
error-catalog-open = 无法打开商品库。
error-catalog-too-new = 此商品库由更新版本的 Kuajing 创建。请先升级 Kuajing。
error-catalog-migration = 商品库升级失败。原文件的备份已保存在旁边。
error-catalog-backup = 无法将商品库备份到 { $path }：{ $detail }
error-no-product = 商品库中没有该商品（可能已用其他 Handle 重新导入）。
error-no-batch = 商品库的历史记录中没有这次批量修改，无法撤销。
error-no-vendor = 商品库中没有名为“{ $vendor }”的供应商。请使用 Shopify 导出文件 Vendor 列中的名称（`kuajing vendor list`）。
error-unknown-field = “{ $field }”不是可在此设置的字段。可用字段：{ $known }。
error-sku-taken = 该 SKU 已属于另一个商品。请为每个规格设置不同的 SKU。
error-catalog-query = 无法读取或写入商品库。
error-media-write = 无法把图片保存到商品库文件夹。请检查磁盘空间。
error-file-read = 无法读取该文件。请检查路径以及是否有权限打开。
error-file-write = 无法写入该文件。请确认文件夹存在且空间充足。
error-file-too-large = 文件过大，无法导入。
error-import-has-errors = 文件中有必须先修正的问题；未导入任何内容。
error-import-running = 已有一个导入在进行：请等它完成，或先取消。
error-no-rate = 尚未设置美元兑人民币汇率。请先在“设置”中填写汇率再导出，以免价格以美元写入。
error-bad-rate = 汇率必须是大于 0 的数字。
error-bad-hs-code = “{ $value }”不是 HS 编码：请填写 6 到 10 位数字的中国海关商品编码，例如 0809290000。
error-bad-date = 日期必须是有效日期，格式为 YYYY-MM-DD。
error-unknown-marketplace = Kuajing 没有该平台的配置。
error-unknown-slot = 该平台没有这个图片位。
error-not-fetched = 此图片尚未下载。请联网后下载图片。
error-render-running = 已有一批图片正在生成：请等它完成，或先取消。
error-no-sheet = Kuajing 尚不支持 { $marketplace } 的批量上传表格。可以渲染其图片；可导出的平台：{ $exporting }。
error-bad-field = 这里只能编辑标题、短标题、卖点和描述。
error-blank = { $value ->
    [zh] 中文
   *[other] 英文
}内容为空，请填写。
error-bad-threshold = 匹配阈值必须是 1 到 100 之间的整数。
error-bad-shipped-data = Kuajing 内置数据已损坏。请重新安装 Kuajing。
error-export-write = 无法写出导出包。不会留下写了一半的文件；请检查文件夹后重试。
error-export-duplicate-file = 导出包中有两个文件重名。
error-download = 无法下载该图片。
error-unexpected = 出现了意外错误。
error-copy-conflict = 您编辑期间，这段文字已在别处（另一个窗口或命令行）被修改。请选择保留哪一段：您的，还是现已保存的。
error-export-onto-catalog = 不能把导出包保存在那里：那是商品库本身或它的文件夹。请换一个位置，例如“下载”文件夹。
error-export-unsafe-file-name = 导出包中的文件名解压时不安全：{ $name }。
error-output-is-input = { $path } 是正在生成的原图之一，不会被覆盖。
error-output-exists = { $path } 已存在。请删除它、换一个文件夹，或允许覆盖。
error-bad-argument = 命令收到了无法使用的值。
error-marketplace-invalid = 平台配置 { $marketplace } 无效：{ $detail }
error-marketplace-override = 平台配置文件 { $file }（第 { $line } 行）无效：{ $detail }。请修改目录旁的该文件，或删除它以使用内置配置。
# 把文件当作 Shopify 导出读取时的错误（与导入问题措辞相同）。
error-empty-file = { import-empty-file }
error-not-csv = { import-not-csv }
error-not-shopify = { import-not-shopify }
error-no-products = { import-no-products }
# 读取或渲染照片时的错误。
error-empty = { $name } 是空文件（0 字节）。请重新复制或导出照片。
error-not-an-image = { $name } 不是图片（看起来像 { $looks_like }）。
error-truncated = { $name } 不完整：文件在图像结束前就断了。请重新复制或导出。
error-corrupt = { $name } 已损坏，无法按 { $format } 读取。
error-too-many-pixels = { $name } 为 { $width }×{ $height } 像素，超出 Kuajing 可读取的大小。请缩小后重试。
error-too-large-file = { $name } 文件过大，无法作为照片读取。请缩小后重试。
error-unsupported-format = Kuajing 无法读取 { $name } 的格式。请导出为 JPEG 或 PNG。
error-io = 无法读取 { $name }。请确认文件存在且有权限打开。
error-invalid-slot = 无法把 { $name } 生成到此图片位。
error-encode = 无法把 { $name } 写成 { $format }。

# 导入器读取文件后追加的导入问题。
import-sku-taken = SKU { $sku } 已属于商品库中的商品“{ $other }”。请为此规格换一个 SKU。
import-image-missing = 找不到图片 { $src }。请把文件放在 CSV 旁边，或修正路径。
import-image-unreadable = 图片 { $src } 无法使用：{ $reason }
import-image-outside-folder = 图片 { $src } 不在 CSV 所在的文件夹（{ $reason }）内。请把照片放在该文件夹或其子文件夹中，并用相对路径填写，例如 photos/cherries.jpg。
import-image-not-a-file = { $src } 不是照片文件（而是文件夹、设备或管道）。请填写 CSV 所在文件夹内的照片文件。

# 渲染后图片的提示（`image-<code>`）。
image-source-too-small = 原图为 { $width }×{ $height }，小于此图片位所需的 { $min_width }×{ $min_height }。为免模糊未作放大：请使用更大的照片。
image-source-too-narrow = 原图宽 { $width } 像素，窄于此图片位所需的 { $min_width } 像素。为免模糊未作放大：请使用更大的照片。
image-quality-reduced = 为控制在 { $max_bytes } 字节以内，JPEG 质量已降至 { $quality }。
image-over-byte-cap = 即使用最低质量，图片仍有 { $bytes } 字节，超过此图片位 { $max_bytes } 字节的上限，平台会拒收：请换一张更简单或更小的照片。
image-under-min-bytes = 即使用最高质量，图片只有 { $bytes } 字节，低于此图片位 { $min_bytes } 字节的下限，平台可能视为空白图。
image-not-trimmed = 未找到可裁去的纯色边框：此图片位要求商品单独置于纯色背景上。
image-background-not-plain = 照片背景为 { $colour }，不是图片位要求的 { $background }。请在 { $background } 背景上拍摄，或抠图。
image-colour-profile-ignored = 照片的色彩配置文件无法使用（{ $reason }），颜色按 sRGB 处理，可能有偏差。
image-sliced = 长图已切成 { $count } 段。

# 应用与命令行报告的错误，按代码（`error-<code>`）。其下显示 Rust 给出的详细信息（含文件、行或字段）。
error-catalog-open = 无法打开商品库。
error-catalog-too-new = 此商品库由更新版本的 Kuajing 创建。请先升级 Kuajing。
error-catalog-migration = 商品库升级失败。原文件的备份已保存在旁边。
error-no-product = 商品库中没有该商品（可能已用其他 Handle 重新导入）。
error-sku-taken = 该 SKU 已属于另一个商品。请为每个规格设置不同的 SKU。
error-catalog-query = 无法读取或写入商品库。
error-media-write = 无法把图片保存到商品库文件夹。请检查磁盘空间。
error-file-read = 无法读取该文件。请检查路径以及是否有权限打开。
error-file-write = 无法写入该文件。请确认文件夹存在且空间充足。
error-file-too-large = 文件过大，无法导入。
error-import-has-errors = 文件中有必须先修正的问题；未导入任何内容。
error-no-rate = 尚未设置美元兑人民币汇率。请先在“设置”中填写汇率再导出，以免价格以美元写入。
error-bad-rate = 汇率必须是大于 0 的数字。
error-bad-date = 日期必须是有效日期，格式为 YYYY-MM-DD。
error-unknown-marketplace = Kuajing 没有该平台的配置。
error-unknown-slot = 该平台没有这个图片位。
error-not-fetched = 此图片尚未下载。请联网后下载图片。
error-render-running = 已有一批图片正在生成：请等它完成，或先取消。
error-no-sheet = Kuajing 尚不支持 { $marketplace } 的批量上传表格。可以渲染其图片；导出请选天猫国际。
error-bad-field = 这里只能编辑标题和描述。
error-bad-shipped-data = Kuajing 内置数据已损坏。请重新安装 Kuajing。
error-export-write = 无法写出导出包。不会留下写了一半的文件；请检查文件夹后重试。
error-export-duplicate-file = 导出包中有两个文件重名。
error-download = 无法下载该图片。
error-unexpected = 出现了意外错误。

# 导入器读取文件后追加的导入问题。
import-sku-taken = SKU { $sku } 已属于商品库中的商品“{ $other }”。请为此规格换一个 SKU。
import-image-missing = 找不到图片 { $src }。请把文件放在 CSV 旁边，或修正路径。
import-image-unreadable = 图片 { $src } 无法使用：{ $reason }

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

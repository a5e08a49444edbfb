# kuajing-label 的消息：以 PNG 绘制的中文电子标签。

# $detail：字体解析器给出的原因。
error-label-font = 无法读取 Kuajing 内置的标签字体（{ $detail }）。程序已损坏，请重新安装。
# $height_mm、$max_mm：标签高度与上限，单位毫米。
error-label-too-tall = 中文标签将有 { $height_mm } 毫米高，超过允许的 { $max_mm } 毫米。请缩短最长的内容。
# $detail：PNG 编码器给出的原因。
error-label-encode = 无法把中文标签保存为 PNG（{ $detail }）。

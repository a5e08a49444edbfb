# 文案检查结果的一键修正（kuajing-copy 的 `Fix`）。id 为 fix-<kind>；$replacement 为修正后写入的文字（删除时为空）。

fix-to-simplified = 改为简体：“{ $replacement }”
fix-remove = 删除
fix-replace-char = 替换为“{ $replacement }”
fix-replace-term = 改为“{ $replacement }”

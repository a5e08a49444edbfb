# kuajing-gloss 的错误（中文文案下方的英文逐词释义）。
error-gloss-dictionary = 无法加载释义词典，此版本的 Kuajing 已损坏。请重新安装 Kuajing。

# kuajing-units 的消息：错误，以及把数量改写为公制的一键修正。

# $replacement：公制写法，例如 907克。
fix-to-metric = 改为{ $replacement }

error-units-toml = 单位表（assets/units.toml）不是有效的 TOML。
error-units-invalid = 单位表（assets/units.toml）有误：某个单位、写法或规则不正确。
error-units-matcher = 无法把单位写法编译为匹配器。

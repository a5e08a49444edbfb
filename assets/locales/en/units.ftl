# Messages for kuajing-units: its errors, and the one-click fix that writes a quantity in metric.

# $replacement: the metric form, e.g. 907克.
fix-to-metric = Change to { $replacement }

error-units-toml = The unit table (assets/units.toml) is not valid TOML.
error-units-invalid = The unit table (assets/units.toml) is invalid: a unit, spelling or rule is wrong.
error-units-matcher = The unit spellings could not be compiled into a matcher.

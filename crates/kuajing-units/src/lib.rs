//! Quantities in English and Chinese copy: imperial spellings found and converted to metric by one data table (assets/units.toml)

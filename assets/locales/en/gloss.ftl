# Errors from kuajing-gloss (the English gloss under Chinese copy).
error-gloss-dictionary = The gloss dictionary could not be loaded; this build of Kuajing is damaged. Reinstall Kuajing.

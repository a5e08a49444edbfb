# Messages for kuajing-label: the Chinese electronic label drawn as a PNG.

# $detail: what the font parser said.
error-label-font = The label font built into Kuajing could not be read ({ $detail }). The app is damaged: reinstall it.
# $height_mm, $max_mm: the label's height and the limit, in millimetres.
error-label-too-tall = The Chinese label would be { $height_mm } mm tall, more than the { $max_mm } mm allowed. Shorten the longest values.
# $detail: what the PNG encoder said.
error-label-encode = The Chinese label could not be saved as PNG ({ $detail }).

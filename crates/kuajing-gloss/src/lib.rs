//! What Chinese copy says, word by word: jieba segmentation, CC-CEDICT senses, glossary terms first, numbers and units read back

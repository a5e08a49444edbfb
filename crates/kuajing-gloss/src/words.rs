//! Cutting Chinese into words with jieba: the segmenter the gloss shares, and [`words`], which
//! cuts a search query, without loading the whole dictionary when the gloss has not.

use std::sync::OnceLock;

static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();

/// The embedded jieba segmenter, loaded on first use (about 0.1 s) and shared by the glosser
/// and [`words`].
pub(crate) fn jieba() -> &'static jieba_rs::Jieba {
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// `text` cut into words by jieba (no HMM guessing of unknown words: the dictionary's words
/// and single characters), spaces and punctuation dropped. The product search cuts a run of
/// Chinese the user typed into words it looks for separately.
///
/// Until the whole dictionary is loaded (the gloss loads it), the cut uses a jieba holding
/// only the dictionary's words found inside `text` ([`words_inside`]): the same cut, without
/// building a trie of 350,000 words (70 ms, most of a CLI search for a Chinese phrase).
pub fn words(text: &str) -> Vec<String> {
    let cut = |jieba: &jieba_rs::Jieba| -> Vec<String> {
        jieba
            .cut(text, false)
            .into_iter()
            .filter(|w| w.word.chars().any(char::is_alphanumeric))
            .map(|w| w.word.to_owned())
            .collect()
    };
    match JIEBA.get() {
        Some(jieba) => cut(jieba),
        None => match words_inside(text) {
            Some(inside) => cut(&inside),
            None => cut(jieba()),
        },
    }
}

/// jieba's own dictionary (`assets/jieba/`, zstd), for [`words_inside`].
const JIEBA_DICT_ZST: &[u8] = include_bytes!("../../../assets/jieba/dict.txt.zst");
/// The longest word in it, in characters.
const LONGEST_WORD: usize = 16;
/// A word no text holds, carrying the frequency of the words left out.
const REST: &str = "\u{F8FF}\u{F8FF}";

/// A jieba with the dictionary's words that occur inside `text`, and one made-up word
/// carrying the frequencies of all the others, so the total is the whole dictionary's. Its
/// cut of `text` is the whole dictionary's: jieba's graph of a text holds only words inside
/// it, and scores each way through by its words' frequencies against the total. `None` if
/// the dictionary cannot be read.
fn words_inside(text: &str) -> Option<jieba_rs::Jieba> {
    let dict = zstd::stream::decode_all(JIEBA_DICT_ZST).ok()?;
    let dict = String::from_utf8(dict).ok()?;
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut inside = std::collections::HashSet::new();
    for (k, &from) in starts.iter().enumerate() {
        for &to in starts.iter().skip(k + 1).take(LONGEST_WORD) {
            inside.insert(&text[from..to]);
        }
    }
    let mut jieba = jieba_rs::Jieba::empty();
    let (mut total, mut held) = (0_usize, 0_usize);
    for line in dict.lines() {
        let mut parts = line.split_ascii_whitespace();
        let (Some(word), Some(freq)) = (parts.next(), parts.next()) else {
            continue;
        };
        let freq: usize = freq.parse().unwrap_or(0);
        total += freq;
        if inside.contains(word) {
            held += freq;
            jieba.add_word(word, Some(freq), parts.next());
        }
    }
    if total > held {
        jieba.add_word(REST, Some(total - held), None);
    }
    Some(jieba)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_cut_as_the_whole_dictionary_cuts_it() {
        let seed = include_str!("../../../assets/glossary/seed.csv");
        let glossary: Vec<&str> = seed
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1))
            .collect();
        let mut texts: Vec<String> = [
            "新鲜樱桃",
            "樱桃，新鲜采摘",
            "华盛顿州新鲜樱桃 7号 2-lb 礼盒装，最佳",
            "美国进口阿拉斯加野生红鲑鱼排 冷冻 454克",
            "加州扁桃仁 原味 无添加 坚果零食",
            "中华人民共和国",
            "研究生命起源",
            "结婚的和尚未结婚的",
            "樱",
            "",
            "Product 1999",
        ]
        .map(String::from)
        .to_vec();
        // Every seeded term alone, and runs of them: words that meet at their edges.
        texts.extend(glossary.iter().map(|z| (*z).to_owned()));
        texts.extend(glossary.chunks(5).map(|c| c.concat()));
        // One jieba for all of them (one pass over the dictionary): each text's words are
        // inside the whole, so each text's cut must be the whole dictionary's.
        let inside = words_inside(&texts.join("\n")).unwrap();
        for text in &texts {
            let cut = |jieba: &jieba_rs::Jieba| -> Vec<String> {
                jieba
                    .cut(text, false)
                    .into_iter()
                    .map(|w| w.word.to_owned())
                    .collect()
            };
            assert_eq!(cut(&inside), cut(jieba()), "{text}");
        }
        assert_eq!(
            words_inside("").unwrap().cut("新鲜樱桃", false).len(),
            4,
            "no words: characters"
        );
        assert_eq!(words("新鲜樱桃"), ["新鲜", "樱桃"]);
    }
}

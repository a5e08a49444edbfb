//! Translation memory matching: segments, fuzzy scores with the difference, number-aware adaptation, width-folded comparison

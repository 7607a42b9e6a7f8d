//! The built-in sample corpus: short news-style articles written for this
//! project (no published text), used when `epitome` runs without arguments
//! and by tests, benchmarks and the firmware's default flash corpus.

/// `(file name, text)` of every sample article; the first line is the title.
pub const ARTICLES: [(&str, &str); 4] = [
    ("01-harbour-bridge.txt", include_str!("../sample/01-harbour-bridge.txt")),
    ("02-battery-plant.txt", include_str!("../sample/02-battery-plant.txt")),
    ("03-river-flood.txt", include_str!("../sample/03-river-flood.txt")),
    ("04-chess-prodigy.txt", include_str!("../sample/04-chess-prodigy.txt")),
];

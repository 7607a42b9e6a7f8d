"""Epitome: fixed-memory extractive summaries and keyphrases of news articles.

The same Rust core that runs on a microcontroller, here for Python:

>>> import epitome
>>> s = epitome.summarize("The council approved the new harbour bridge on Monday. "
...                       "Construction starts in May.", "Harbour bridge approved")
>>> s.sentences[0].text
'The council approved the new harbour bridge on Monday.'

``summarize`` and ``keywords`` take one article; ``summarize_batch`` takes
many (any iterable or a pandas Series) and summarizes them on every core
without the GIL; ``sentences`` shows the segmenter's units; ``extract`` finds
the article inside an HTML page, as the CLI reads pages, and ``html=True``
(``summarize(page, html=True)``, ``summarize_batch(pages, html=True)``)
summarizes the article inside each page in one call. On Spark (and
Dask), ``epitome.spark`` has pandas UDFs over ``summarize_batch``.

Errors of the core are ``EpitomeError`` subclasses (``InputTooLong``,
``IdfInvalid``; ``extract``'s are ``ExtractError``: ``PageTooLarge``,
``PageTooDeep``, ``NoArticle``), themselves ``ValueError``; arguments of the wrong type raise
``TypeError``.
"""

from ._epitome import (
    Article,
    EpitomeError,
    ExtractError,
    IdfInvalid,
    InputTooLong,
    Keyword,
    NoArticle,
    PageTooDeep,
    PageTooLarge,
    Sentence,
    Stats,
    Summary,
    Unit,
    __version__,
    extract,
    keywords,
    sentences,
    summarize,
    summarize_batch,
)

__all__ = [
    "Article",
    "EpitomeError",
    "ExtractError",
    "IdfInvalid",
    "InputTooLong",
    "Keyword",
    "NoArticle",
    "PageTooDeep",
    "PageTooLarge",
    "Sentence",
    "Stats",
    "Summary",
    "Unit",
    "__version__",
    "extract",
    "keywords",
    "sentences",
    "summarize",
    "summarize_batch",
]

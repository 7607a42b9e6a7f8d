"""Type stubs of the compiled module (checked by mypy.stubtest in the tests)."""

import os
from collections.abc import Iterable
from typing import Final, Literal, Optional, Union, final, overload

__version__: Final[str]
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

_Idf = Union[bytes, str, os.PathLike[str], None]
_Text = Optional[str]

class EpitomeError(ValueError):
    """Base class of Epitome's errors."""

class InputTooLong(EpitomeError):
    """A body of 4 GiB - 1 bytes or more, or a title of 2 GiB or more."""

class IdfInvalid(EpitomeError):
    """The IDF table's bytes are malformed."""

class ExtractError(EpitomeError):
    """Base class of the errors of ``extract``: the page gives no article."""

class PageTooLarge(ExtractError):
    """The page is over 16 MiB; it was not parsed."""

class PageTooDeep(ExtractError):
    """The page nests elements too deep; it was not parsed."""

class NoArticle(ExtractError):
    """The page holds no article."""

@final
class Article:
    """The article inside an HTML page."""

    def __new__(cls, title: str, text: str, method: str) -> Article: ...
    def __getnewargs__(self) -> tuple[str, str, str]: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def method(self) -> str: ...

@final
class Sentence:
    """A chosen sentence: ``body[char_start:char_end] == text``."""

    def __new__(
        cls,
        text: str,
        shown: Optional[str],
        start: int,
        end: int,
        char_start: int,
        char_end: int,
        score: int,
        index: int,
    ) -> Sentence: ...
    def __getnewargs__(self) -> tuple[str, Optional[str], int, int, int, int, int, int]: ...

    @property
    def text(self) -> str: ...
    @property
    def shown(self) -> Optional[str]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def byte_span(self) -> tuple[int, int]: ...
    @property
    def char_span(self) -> tuple[int, int]: ...
    @property
    def score(self) -> int: ...
    @property
    def index(self) -> int: ...

@final
class Keyword:
    """A keyphrase and its score (1000 = best)."""

    def __new__(cls, text: str, score: int) -> Keyword: ...
    def __getnewargs__(self) -> tuple[str, int]: ...

    @property
    def text(self) -> str: ...
    @property
    def score(self) -> int: ...

@final
class Stats:
    """Counts of the input."""

    def __new__(cls, sentences: int, words: int, terms: int) -> Stats: ...
    def __getnewargs__(self) -> tuple[int, int, int]: ...

    @property
    def sentences(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def terms(self) -> int: ...

@final
class Summary:
    """The summary of one article."""

    def __new__(
        cls,
        sentences: list[Sentence],
        keywords: list[Keyword],
        flags: list[str],
        stats: Stats,
        language: str,
        article: Optional[Article] = None,
    ) -> Summary: ...
    def __getnewargs__(
        self,
    ) -> tuple[list[Sentence], list[Keyword], list[str], Stats, str, Optional[Article]]: ...

    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def keywords(self) -> list[Keyword]: ...
    @property
    def flags(self) -> list[str]: ...
    @property
    def stats(self) -> Stats: ...
    @property
    def language(self) -> str: ...
    @property
    def article(self) -> Optional[Article]:
        """The article found in the HTML page summarized (``html=True``), else ``None``."""

@final
class Unit:
    """One unit of the segmenter."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def body_start(self) -> int | None: ...
    @property
    def body_end(self) -> int | None: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> Literal["sentence", "list-item", "heading", "boilerplate"]: ...
    @property
    def choosable(self) -> bool: ...
    @property
    def open_quote(self) -> bool: ...
    @property
    def paragraph(self) -> int: ...
    @property
    def language(self) -> str: ...

@overload
def summarize(
    text: str,
    title: _Text = None,
    *,
    sentences: int = 3,
    max_chars: Optional[int] = None,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
) -> Summary: ...
@overload
def summarize(
    text: bytes,
    title: _Text = None,
    *,
    sentences: int = 3,
    max_chars: Optional[int] = None,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: Literal[True],
) -> Summary: ...
@overload
def summarize(
    text: None,
    title: _Text = None,
    *,
    sentences: int = 3,
    max_chars: Optional[int] = None,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
) -> None: ...
@overload
def keywords(
    text: str,
    title: _Text = None,
    *,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
) -> list[Keyword]: ...
@overload
def keywords(
    text: bytes,
    title: _Text = None,
    *,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: Literal[True],
) -> list[Keyword]: ...
@overload
def keywords(
    text: None,
    title: _Text = None,
    *,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
) -> None: ...
def sentences(text: str, *, language: str = "auto") -> list[Unit]: ...
def extract(html: Union[bytes, str]) -> Article: ...
@overload
def summarize_batch(
    bodies: Iterable[Union[_Text, bytes]],
    titles: Optional[Iterable[_Text]] = None,
    *,
    sentences: int = 3,
    max_chars: Optional[int] = None,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
    jobs: Optional[int] = None,
    errors: Literal["raise"] = "raise",
) -> list[Optional[Summary]]: ...
@overload
def summarize_batch(
    bodies: Iterable[Union[_Text, bytes]],
    titles: Optional[Iterable[_Text]] = None,
    *,
    sentences: int = 3,
    max_chars: Optional[int] = None,
    keywords: int = 10,
    language: str = "auto",
    idf: _Idf = None,
    html: bool = False,
    jobs: Optional[int] = None,
    errors: Literal["return"],
) -> list[Union[Summary, EpitomeError, None]]: ...

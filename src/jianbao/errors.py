"""Typed errors. Each message is one line: what is wrong, and how to fix it."""
from __future__ import annotations

from dataclasses import dataclass


class JianbaoError(Exception):
    """Base of every error jianbao reports to a user (never a stack trace)."""


class InputError(JianbaoError):
    """A file that cannot be turned into a page document; the batch goes on without it."""
    reason = "bad input"


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class EncodingUnknown(InputError):
    reason = "encoding"


class TooLarge(InputError):
    reason = "too large"


class NoArticles(InputError):
    reason = "no articles"


class UsageError(JianbaoError):
    """Arguments that do not fit (bad date, unknown format …)."""


class Encrypted(InputError):
    reason = "encrypted"


class Corrupt(InputError):
    reason = "corrupt"


class NoTextLayer(InputError):
    reason = "no text layer"


class BadImage(InputError):
    reason = "bad image"


class OcrUnavailable(InputError):
    reason = "no OCR"


class ModelError(JianbaoError):
    """A model file the tagger needs is missing or unreadable: say which, and how to rebuild it."""


class BlankPage(EmptyInput):
    """A page of a PDF with nothing printed on it. It is a failure of that page (one line, exit
    status 1, the file's other pages go on), as a text page holding only furniture is: the status
    then tells a script that a page gave no articles, and in an e-paper a blank page more often
    means one that did not come out (a missing font or image) than one left blank on purpose.
    Nothing of the input is lost either way."""
    reason = "blank page"


@dataclass(frozen=True)
class Unreadable:
    """One page of a many-page file that could not be read. The reader yields it in the page's
    place and goes on, so one bad page (damaged, blank, a scan without OCR) costs only itself;
    `source` names the page as its document would (issue.pdf#p159)."""
    source: str
    error: InputError


class BadJson(InputError):
    """A .json page that does not parse (truncated or damaged): says where."""
    reason = "invalid JSON"


class UnknownJson(InputError):
    """JSON that is none of the parser outputs jianbao reads: says what it saw and what it accepts."""
    reason = "unknown JSON"


class OwnDocument(InputError):
    """A .json that jianbao wrote itself (cut's output, a gold file): a page document, not a page."""
    reason = "not a page"

"""Typed errors. Each message is one line: what is wrong, and how to fix it."""
from __future__ import annotations


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

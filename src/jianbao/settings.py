"""Settings: one typed, frozen object passed into every stage; never a global."""
from __future__ import annotations

from dataclasses import dataclass, replace

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    # page metadata given by the user; each beats what the page itself says
    paper: str | None = None
    date: str | None = None        # ISO YYYY-MM-DD
    page: str | None = None
    # input limits
    max_bytes: int = 16 * MB       # a parser's page is tens of KB; larger files are refused
    # stages
    tag: bool = True               # run the tag stage after cutting

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


DEFAULT = Settings()

"""The curated language tables in data/: loaded once, on first use, as plain Python objects.

Every table is a UTF-8 TSV file: lines starting with "#" are notes, the first column is the key, the
last column is a note saying which phenomenon the row handles. Nothing here touches the network.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(__file__).with_name("data")

TABLES = ("surnames", "rare_surnames", "title_heads", "famous", "name_followers", "stop_left",
          "place_suffixes", "place_short", "org_suffixes", "generic_orgs",
          "dates", "event_triggers", "roles_in_events", "speech_verbs", "speech_names", "visit_verbs",
          "geo_names", "known_orgs", "translit_chars", "surname_addresses", "place_abbrevs",
          "patterns", "chars", "levels", "numerals", "conjunctions", "list_closers", "firms",
          "home_country", "post_words", "event_words", "event_types", "abbrev_context", "division_words",
          "rules_only", "visited_sites")

# tables whose two columns before the note hold examples and counter-examples, each a list of
# phrases separated by ", " (tests/test_tag_data.py checks them)
EXAMPLED = ("patterns", "post_words", "list_closers", "firms", "event_words")


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table `name`, note column included, in file order. "surnames" and
    "rare_surnames" come from the one list the cutter reads too (jianbao/data/surnames.toml)."""
    if name in ("surnames", "rare_surnames"):
        return _surnames(name == "rare_surnames")
    if name in SPEECH:
        return _speech(SPEECH[name])
    out = []
    with open(DATA / f"{name}.tsv", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            out.append(tuple(line.split("\t")))
    return tuple(out)


# the tag's views of the one speech-verb list (jianbao/data/speech_verbs.toml), by its `where` marks
SPEECH = {"speech_verbs": "events", "speech_names": "name"}


def _shared(filename: str) -> dict:
    with resources.files("jianbao.data").joinpath(filename).open("rb") as f:
        return tomllib.load(f)


def _speech(where: str) -> tuple[tuple[str, ...], ...]:
    return tuple((v["text"], ", ".join(v.get("examples", ())) or "speech verb")
                 for v in _shared("speech_verbs.toml")["verb"] if where in v["where"])


def _surnames(rare: bool) -> tuple[tuple[str, ...], ...]:
    t = _shared("surnames.toml")
    single, compound = ("rare", "rare_compound") if rare else ("single", "compound")
    note = "rare surname" if rare else "surname"
    return tuple((w, note) for w in list(t[compound]) + list("".join(t[single].split())))


@lru_cache(maxsize=None)
def keys(name: str) -> frozenset[str]:
    return frozenset(r[0] for r in rows(name))


@lru_cache(maxsize=None)
def model_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table `name` the trained models' features read: all but those rules_only.tsv lists
    for it (rows the rules read, added since the models were last trained)."""
    skip = set(marked("rules_only", name)) if name != "rules_only" else set()
    return tuple(r for r in rows(name) if r[0] not in skip)


@lru_cache(maxsize=None)
def model_keys(name: str) -> frozenset[str]:
    return frozenset(r[0] for r in model_rows(name))


@lru_cache(maxsize=None)
def mapping(name: str, col: int = 1) -> dict[str, str]:
    """First column → column `col` (empty string when the row has no such column)."""
    return {r[0]: (r[col] if len(r) > col else "") for r in rows(name)}


@lru_cache(maxsize=None)
def marked(name: str, mark: str, col: int = 1) -> tuple[str, ...]:
    """Keys, in file order, of the rows whose column `col` (marks separated by spaces) holds `mark`."""
    return tuple(r[0] for r in rows(name) if mark in r[col].split())


def examples(name: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Key → (examples, counter-examples) of a table of EXAMPLED."""
    def split(cell: str) -> tuple[str, ...]:
        return tuple(x for x in cell.split(", ") if x)
    return {r[0]: (split(r[-3]), split(r[-2])) for r in rows(name)}


@lru_cache(maxsize=None)
def pattern(name: str) -> str:
    """The regular expression of row `name` in patterns.tsv, each `{row}` that names another row
    replaced by that row's pattern; other placeholders are left for the caller to `fill`."""
    text = mapping("patterns")[name]
    return re.sub(r"\{([a-z_]+)\}", lambda m: pattern(m.group(1)) if m.group(1) in mapping("patterns")
                  else m.group(), text)


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with each placeholder `{key}` of `values` replaced (regex quantifiers, all digits, stay)."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), m.group()), template)


@lru_cache(maxsize=None)
def by_length(name: str) -> tuple[str, ...]:
    """Keys, longest first: the order for longest-match scans."""
    return tuple(sorted(keys(name), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=64)
def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for w in words:
        idx.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=64)
def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for w in words:
        idx.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


def ends_with_any(text: str, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` (sorted longest first) that ends at text[end], or None."""
    if end <= 0 or end > len(text):
        return None
    for w in _by_last(words).get(text[end - 1], ()):
        n = len(w)
        if n <= end and text.startswith(w, end - n):
            return w
    return None


def starts_with_any(text: str, start: int, words: tuple[str, ...]) -> str | None:
    if start >= len(text) or start < 0:
        return None
    for w in _by_first(words).get(text[start], ()):
        if text.startswith(w, start):
            return w
    return None

"""Reprints: near-duplicate articles across papers and pages, linked as one story with its printings.

A wire story or a 通稿 printed in ten papers is ten stored articles; researchers want to count it once
and to see where it ran. When a page is written, each of its articles is compared with the archive:

1. its body (paragraphs; the headline and lead are what reprints change most) is folded as the search
   folds it (tokens.norm: NFKC, lower case, traditional → simplified), punctuation and spaces dropped,
   and cut into overlapping character SHINGLE-grams, each hashed to 32 bits by a fixed polynomial and
   mixer (never Python's hash(): the same text gives the same hashes in every process);
2. a MinHash signature of PERMS values (multiply-shift hashing with multipliers from a fixed seed) is
   cut into BANDS bands of ROWS values; each band's hash goes to `article_bands`, and any stored article
   sharing a band hash is a candidate (LSH: a pair whose shingle sets have Jaccard similarity J shares
   a band with probability 1 - (1 - J^ROWS)^BANDS), unless more than CROWDED articles share it
   (boilerplate; such a hash stops gaining rows, and a hash whose rows a deleted page took below
   CROWDED again names only the articles it kept);
3. a candidate is confirmed by the exact similarity of the two shingle sets, recomputed from the
   stored text: |A ∩ B| / min(|A|, |B|) ≥ THRESHOLD (overlap, so that a reprint cut short still
   counts), pairs of parts of one continued article (logical_id) excepted;
4. confirmed pairs are kept in `reprint_pairs`; a story is a connected group of them, and
   `article_stories` gives each member its story's id (the smallest article id in it).

All of it runs in the page's transaction: a page replaced or deleted takes its bands and pairs with it
and the stories it touched are regrouped (`forget`); a crashed batch rerun writes each pair once.
The constants were chosen on bench/reprints.py (bench/RESULTS.md, "Reprints").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from .db import DB
from ..textutil import t2s_table

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 5           # characters per shingle
PERMS = 60            # MinHash values per article
BANDS, ROWS = 30, 2   # LSH: BANDS * ROWS == PERMS; a candidate with p = 0.94 at Jaccard J = 0.3 (a partial
                      # printing: 80% of a third of the story), 0.9998 at J = 0.5
THRESHOLD = 0.65      # overlap of the shingle sets that makes a candidate a reprint
CROWDED = 100         # a band hash that more articles share is boilerplate, not a story: never a candidate
                      # (and once it is, no further article's row for it is stored: the table stays small)
MARGIN = 0.2          # a candidate whose overlap estimated from the signatures is this far below: dropped
MIN_SHINGLES = 40     # shorter texts (captions, one-line notices) are never linked: too little to tell
SEED = 20240522       # the MinHash multipliers: fixed, so every process computes the same signatures
KEPT_SIGS = 50_000    # signatures of stored articles a writing connection keeps in memory (`_kept`)

# schema step 8: the bands (each band's number mixed into its hash, so one key holds them all; one
# b-tree keyed by (hash, article) and nothing else: its rows are dropped by `forget`, from the hashes
# the stored signature gives, so no index by article and no foreign key is needed: each page adds 30
# random keys an article, the cost of every commit), the signatures, the confirmed pairs, and each
# linked article's story
DDL = (
    "CREATE TABLE IF NOT EXISTS article_bands (hash BIGINT NOT NULL, article_id INTEGER NOT NULL, "
    "PRIMARY KEY (hash, article_id)){WITHOUT_ROWID}",
    "CREATE TABLE IF NOT EXISTS article_sigs (article_id INTEGER PRIMARY KEY REFERENCES articles(id) "
    "ON DELETE CASCADE, shingles INTEGER NOT NULL, sig BYTEA NOT NULL)",   # SQLite keeps it as a blob
    "CREATE TABLE IF NOT EXISTS reprint_pairs ("
    "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
    "other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
    "similarity REAL NOT NULL, PRIMARY KEY (article_id, other_id))",
    "CREATE INDEX IF NOT EXISTS reprint_pairs_other ON reprint_pairs(other_id)",
    "CREATE TABLE IF NOT EXISTS article_stories ("
    "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, story_id INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS article_stories_story ON article_stories(story_id)",
)

_TEXT = re.compile(r"[^\W_]+")
_MUL = _ADD = _ROW_MUL = _POW = None   # the hashing constants (`_tables`), made on first use


def _np():
    """numpy, imported on first use (and the hashing constants made): `jianbao cut` and `--help`, which
    import the archive's package, never load it."""
    import numpy
    if _MUL is None:
        _tables(numpy)
    return numpy


def _tables(np) -> None:
    """The MinHash multipliers and offsets, the band mixers (from the fixed SEED) and the shingle
    polynomial's powers."""
    global _MUL, _ADD, _ROW_MUL, _POW
    rng = np.random.Generator(np.random.PCG64(SEED))
    _MUL = rng.integers(1, 2**63, size=PERMS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)   # odd
    _ADD = rng.integers(0, 2**63, size=PERMS, dtype=np.uint64)
    _ROW_MUL = rng.integers(1, 2**63, size=ROWS + 1, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    _POW = np.array([pow(1_000_003, SHINGLE - 1 - j, 2**64) for j in range(SHINGLE)], dtype=np.uint64)


def _mix(h: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (xor-shift-multiply): every input bit reaches the high bits."""
    np = _np()
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


@lru_cache(maxsize=1)
def _fold() -> np.ndarray:
    """Code point → the code point it folds to: traditional → simplified (textutil.t2s_table), fullwidth
    letters and digits → ASCII, upper → lower case (what tokens.norm does, as one array lookup)."""
    np = _np()
    table = np.arange(_FOLDED, dtype=np.uint32)
    for cp, s in t2s_table().items():
        table[cp] = ord(s)
    table[0xFF10:0xFF1A] = np.arange(ord("0"), ord("9") + 1)
    table[0xFF21:0xFF3B] = np.arange(ord("a"), ord("z") + 1)
    table[0xFF41:0xFF5B] = np.arange(ord("a"), ord("z") + 1)
    table[ord("A"):ord("Z") + 1] = np.arange(ord("a"), ord("z") + 1)
    return table


_FOLDED = 0x30000


def _rolling(flat: str) -> np.ndarray:
    """The hash of each SHINGLE characters from each place in `flat` (folded: `_fold`), not yet mixed."""
    np = _np()
    cps = np.frombuffer(flat.encode("utf-32-le"), dtype=np.uint32)
    cps = np.where(cps < _FOLDED, _fold()[np.minimum(cps, _FOLDED - 1)], cps).astype(np.uint64)
    n = len(cps) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE):
        h += cps[j:j + n] * _POW[j]
    return h


def _distinct(h: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted array (np.unique builds a hash table first)."""
    np = _np()
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


def _permuted(sh: np.ndarray) -> np.ndarray:
    """Each MinHash permutation's value of each shingle: (MUL * x + ADD mod 2^64) >> 32."""
    return (_MUL[:, None] * sh[None, :] + _ADD[:, None]) >> _np().uint64(32)


def shingles(text: str) -> np.ndarray:
    """The sorted distinct 32-bit hashes of the text's SHINGLE-character shingles: its letters and
    digits only (punctuation and spaces dropped), folded (`_fold`)."""
    np = _np()
    flat = "".join(_TEXT.findall(text))
    if len(flat) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    return _distinct(np.sort(_mix(_rolling(flat)) >> np.uint64(32)))


def signature(sh: np.ndarray) -> np.ndarray:
    """MinHash: per permutation, the least permuted value over the shingles."""
    return _permuted(sh).min(axis=1)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One 62-bit hash per band of ROWS signature values, the band's number mixed in (so one column
    holds every band)."""
    return page_band_hashes([sig])[0]


def page_signatures(texts: list[str]) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """(`shingles`, `signature` or None when fewer than MIN_SHINGLES) of each text, the same values as
    those functions give one text at a time, computed for all at once: one pass of folding and hashing
    over the texts joined (a shingle crossing two texts dropped), one sort of (text, hash) keys, and one
    MinHash product whose minima are taken per text (`minimum.reduceat`). A page's few articles each
    paid the two dozen array operations' fixed cost before."""
    np = _np()
    flats = ["".join(_TEXT.findall(t)) for t in texts]
    lens = np.array([len(f) for f in flats], dtype=np.int64)
    out: list[tuple[np.ndarray, np.ndarray | None]] = [(np.zeros(0, dtype=np.uint64), None)] * len(texts)
    if int(lens.max(initial=0)) < SHINGLE:
        return out
    h = _rolling("".join(flats))
    n = len(h)
    owner = np.repeat(np.arange(len(texts), dtype=np.uint64), lens)
    inside = owner[:n] == owner[SHINGLE - 1:]          # the shingle's first and last characters: one text's
    keys = _distinct(np.sort((owner[:n][inside] << np.uint64(32)) | (_mix(h[inside]) >> np.uint64(32))))
    cuts = np.searchsorted(keys >> np.uint64(32), np.arange(len(texts) + 1, dtype=np.uint64))
    hashes = keys & np.uint64(0xFFFFFFFF)
    sizes = np.diff(cuts)
    signed = [k for k in range(len(texts)) if sizes[k] >= MIN_SHINGLES]
    sigs = {}
    if signed:
        take = np.concatenate([hashes[cuts[k]:cuts[k + 1]] for k in signed])
        starts = np.cumsum([0] + [int(sizes[k]) for k in signed[:-1]])
        mins = np.minimum.reduceat(_permuted(take), starts, axis=1)
        sigs = {k: mins[:, i] for i, k in enumerate(signed)}
    return [(hashes[cuts[k]:cuts[k + 1]], sigs.get(k)) for k in range(len(texts))]


def page_band_hashes(sigs: list[np.ndarray]) -> list[list[int]]:
    """`band_hashes` of several signatures, in one pass."""
    np = _np()
    if not sigs:
        return []
    rows = np.vstack(sigs).reshape(len(sigs), BANDS, ROWS)
    h = np.arange(BANDS, dtype=np.uint64) * _ROW_MUL[ROWS]
    for j in range(ROWS):
        h = h + rows[:, :, j] * _ROW_MUL[j]
    return (_mix(h) >> np.uint64(2)).tolist()


def overlap(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / min(|a|, |b|) of two sorted sets of shingle hashes."""
    if not len(a) or not len(b):
        return 0.0
    np = _np()
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


# ---- at ingest -----------------------------------------------------------------------------------

def link_page(db: DB, page_id: int) -> None:
    """Band the page's articles and link each to the stored articles it reprints (or that reprint it)."""
    link_articles(db, db.fetchall("SELECT id, logical_id, body FROM articles WHERE page_id=? ORDER BY id",
                                  (page_id,)))


def link_articles(db: DB, rows: Iterable[tuple]) -> None:
    """(article id, logical id, body) of newly stored articles: their bands and signatures stored, their
    reprints linked."""
    mine: dict[int, tuple[int, np.ndarray]] = {}
    sigs: dict[int, tuple[int, np.ndarray]] = {}
    bands: dict[tuple[int, int], None] = {}
    rows = list(rows)
    for (aid, lid, _), (sh, sig) in zip(rows, page_signatures([body or "" for _, _, body in rows])):
        if sig is not None:
            mine[int(aid)] = (int(lid or aid), sh)
            sigs[int(aid)] = (len(sh), sig)
    for aid, hs in zip(sigs, page_band_hashes([sig for _, sig in sigs.values()])):
        bands.update(((h, aid), None) for h in hs)
    if not bands:
        return
    # the stored articles sharing a band hash with these (read before these are stored, 500 hashes a query)
    same: dict[int, set[int]] = {}
    for h, aid in bands:
        same.setdefault(h, set())
    for h, other in _in(db, "SELECT hash, article_id FROM article_bands WHERE hash IN ({})", sorted(same)):
        same[int(h)].add(int(other))
    stored = {h: len(s) for h, s in same.items()}
    for h, aid in bands:
        same[h].add(aid)
    # a hash more than CROWDED articles share is no candidate; once crowded, its rows stop growing
    db.executemany("INSERT INTO article_bands(hash, article_id) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(h, aid) for h, aid in bands if stored[h] <= CROWDED])
    db.executemany("INSERT INTO article_sigs(article_id, shingles, sig) VALUES (?,?,?)",
                   [(aid, n, sig.astype("<u4").tobytes()) for aid, (n, sig) in sigs.items()])
    candidates: dict[int, set[int]] = {aid: set() for aid in sigs}
    for h, aid in bands:
        if len(same[h]) <= CROWDED:
            candidates[aid].update(same[h])
    for aid, cands in candidates.items():
        cands.discard(aid)
    pairs = _confirm(db, mine, _likely(db, sigs, candidates))
    if pairs:
        db.executemany("INSERT INTO reprint_pairs(article_id, other_id, similarity) VALUES (?,?,?) "
                       "ON CONFLICT DO NOTHING", pairs)
        _join(db, [(a, b) for a, b, _ in pairs])


def _kept(db: DB) -> dict[int, tuple[int, bytes]]:
    """Article id → (shingles, signature as stored) of articles this connection stored or read before:
    the same boilerplate bands make the same stored articles candidates page after page, and reading
    their signatures again was a quarter of the step's time. A stored signature never changes while its
    article lives, so the entries hold as long as their ids name the same articles: all are dropped
    when this connection rolled back or forgot a page, and in SQLite (which gives a deleted last id to
    the next article) when another connection wrote; PostgreSQL never gives an id twice. At most
    KEPT_SIGS entries (about 300 bytes each): when full, it starts again."""
    kept = getattr(db, "_reprint_sigs", None)
    state = (db.rollbacks, getattr(db, "_reprint_forgets", 0))
    if (kept is None or kept[0] != state or len(kept[1]) > KEPT_SIGS
            or (db.dialect == "sqlite" and db.others_wrote())):
        kept = (state, {})
        db._reprint_sigs = kept   # type: ignore[attr-defined]
    return kept[1]


def _likely(db: DB, sigs: dict[int, tuple[int, np.ndarray]], candidates: dict[int, set[int]]) -> dict[int, set[int]]:
    """The candidates whose overlap, estimated from the signatures (the share of equal values estimates
    the Jaccard similarity J, and |A ∩ B| = J (|A| + |B|) / (1 + J)), is within MARGIN of THRESHOLD:
    texts that share only boilerplate are dropped without reading them. One array operation per article."""
    np = _np()
    kept = _kept(db)
    ids = list(sigs)
    sizes = [sigs[a][0] for a in ids]
    rows = [sigs[a][1].astype("<u4") for a in ids]
    others = sorted({o for c in candidates.values() for o in c if o not in sigs})
    blobs: list[bytes] = []
    for aid in others:
        if aid in kept:
            n, blob = kept[aid]
            ids.append(aid)
            sizes.append(n)
            blobs.append(blob)
    for aid, n, blob in _in(db, "SELECT article_id, shingles, sig FROM article_sigs WHERE article_id IN ({})",
                            [o for o in others if o not in kept]):
        kept[int(aid)] = (int(n), bytes(blob))
        ids.append(int(aid))
        sizes.append(int(n))
        blobs.append(bytes(blob))
    for aid, (n, sig) in sigs.items():
        kept[aid] = (n, sig.astype("<u4").tobytes())
    matrix = np.vstack(rows + ([np.frombuffer(b"".join(blobs), dtype="<u4").reshape(-1, PERMS)] if blobs else []))
    size = np.array(sizes, dtype=np.float64)
    at_row = {aid: k for k, aid in enumerate(ids)}
    out: dict[int, set[int]] = {}
    for aid, cands in candidates.items():
        mine = at_row[aid]
        them = [o for o in cands if o in at_row]
        if not them:
            continue
        k = np.array([at_row[o] for o in them])
        j = (matrix[k] == matrix[mine]).mean(axis=1)
        est = j * (size[mine] + size[k]) / (1 + j) / np.minimum(size[mine], size[k])
        kept = {o for o, ok in zip(them, est >= THRESHOLD - MARGIN) if ok}
        if kept:
            out[aid] = kept
    return out


def _confirm(db: DB, mine: dict[int, tuple[int, np.ndarray]],
             candidates: dict[int, set[int]]) -> list[tuple[int, int, float]]:
    """The candidate pairs (larger id first) whose exact shingle overlap, from the stored text, reaches
    THRESHOLD; parts of one continued article are never pairs."""
    others = sorted({o for c in candidates.values() for o in c if o not in mine})
    known = dict(mine)
    for aid, lid, body in _in(db, "SELECT id, logical_id, body FROM articles WHERE id IN ({})", others):
        known[int(aid)] = (int(lid or aid), shingles(body or ""))
    out = {}
    for aid, cands in candidates.items():
        lid, sh = known[aid]
        for o in cands:
            if o not in known or known[o][0] == lid:
                continue
            key = (max(aid, o), min(aid, o))
            if key not in out and (sim := overlap(sh, known[o][1])) >= THRESHOLD:
                out[key] = round(sim, 4)
    return [(a, b, s) for (a, b), s in sorted(out.items())]


def _component(db: DB, start: set[int]) -> set[int]:
    """Every article joined to `start` by reprint pairs."""
    seen, todo = set(start), list(start)
    while todo:
        batch, todo = todo, []
        for a, b in _in(db, "SELECT article_id, other_id FROM reprint_pairs WHERE article_id IN ({0}) "
                        "OR other_id IN ({0})", batch):
            for x in (int(a), int(b)):
                if x not in seen:
                    seen.add(x)
                    todo.append(x)
    return seen


def _join(db: DB, pairs: list[tuple[int, int]]) -> None:
    """New pairs join stories: the stories (or lone articles) they link become one, named by the
    smallest id among theirs (each story's name is its smallest member: the union's is the least of
    them). Only the articles that change story are written: a new printing of a story of a thousand
    adds one row, not a thousand (what `_regroup`, which rereads whole stories, would write)."""
    ids = sorted({x for pair in pairs for x in pair})
    story = {x: x for x in ids}          # a lone article is its own story
    stored = set()
    for aid, sid in _in(db, "SELECT article_id, story_id FROM article_stories WHERE article_id IN ({})", ids):
        story[int(aid)] = int(sid)
        stored.add(int(aid))
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for a, b in pairs:
        ra, rb = root(story[a]), root(story[b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    renamed = sorted((old, root(old)) for old in {story[x] for x in stored} if root(old) != old)
    db.executemany("UPDATE article_stories SET story_id=? WHERE story_id=?", [(new, old) for old, new in renamed])
    db.executemany("INSERT INTO article_stories(article_id, story_id) VALUES (?,?)",
                   [(x, root(story[x])) for x in ids if x not in stored])


def _in(db: DB, sql: str, ids: list[int]) -> list[tuple]:
    """The rows of `sql` over `ids`, 500 a query: its `IN ({})` (or each `IN ({0})`) filled with them."""
    out: list[tuple] = []
    times = max(1, sql.count("{0}"))
    for at in range(0, len(ids), 500):
        chunk = list(ids[at:at + 500])
        out.extend(db.fetchall(sql.format(",".join("?" for _ in chunk)), chunk * times))
    return out


def _regroup(db: DB, touched: set[int]) -> None:
    """Give the stories that hold `touched` articles their members' ids anew (a story: a connected
    group of pairs, named by its smallest article id)."""
    done: set[int] = set()
    for aid in sorted(touched):
        if aid in done:
            continue
        group = _component(db, {aid})
        done |= group
        ids = sorted(group)
        marks = ",".join("?" for _ in ids)
        db.execute(f"DELETE FROM article_stories WHERE article_id IN ({marks})", ids)
        if len(ids) > 1:
            db.executemany("INSERT INTO article_stories(article_id, story_id) VALUES (?,?)",
                           [(x, ids[0]) for x in ids])


def forget(db: DB, page_id: int) -> None:
    """Before a page is deleted: drop its articles' bands and pairs, and regroup the stories they were in."""
    mine = [int(r[0]) for r in db.fetchall("SELECT id FROM articles WHERE page_id=?", (page_id,))]
    if not mine:
        return
    db._reprint_forgets = getattr(db, "_reprint_forgets", 0) + 1   # type: ignore[attr-defined]  (`_kept`)
    marks = ",".join("?" for _ in mine)
    linked = {int(a) for a, b in db.fetchall(
        f"SELECT article_id, other_id FROM reprint_pairs WHERE article_id IN ({marks}) OR other_id IN ({marks})",
        mine + mine) for a in (a, b)} - set(mine)
    bands = [(h, int(aid)) for aid, blob in db.fetchall(f"SELECT article_id, sig FROM article_sigs WHERE "
                                                        f"article_id IN ({marks})", mine)
             for h in band_hashes(_np().frombuffer(bytes(blob), dtype="<u4").astype(_np().uint64))]
    db.executemany("DELETE FROM article_bands WHERE hash=? AND article_id=?", bands)
    db.execute(f"DELETE FROM article_sigs WHERE article_id IN ({marks})", mine)
    db.execute(f"DELETE FROM reprint_pairs WHERE article_id IN ({marks}) OR other_id IN ({marks})", mine + mine)
    db.execute(f"DELETE FROM article_stories WHERE article_id IN ({marks})", mine)
    if linked:
        _regroup(db, linked)


def backfill(db: DB) -> None:
    """Schema step 8 on an archive stored before it: band and link every stored article, page by page."""
    for (page_id,) in db.fetchall("SELECT id FROM pages ORDER BY id"):
        link_page(db, int(page_id))


# ---- reading -------------------------------------------------------------------------------------

@dataclass
class Printing:
    """One printing of a story: a logical article (continued parts joined) in one paper's issue."""
    logical_id: int
    paper: str | None
    date: str | None
    page: str | None
    headline: str | None
    uid: str | None = None     # the first part's id as cut (ninjs: its uri)


def story_keys(db: DB, logical_ids: list[int]) -> dict[int, int]:
    """Logical id → a key that printings of one story share (-story id), or the logical id itself."""
    out = {lid: lid for lid in logical_ids}
    if logical_ids:
        marks = ",".join("?" for _ in logical_ids)
        for lid, story in db.fetchall(f"SELECT a.logical_id, min(s.story_id) FROM articles a JOIN article_stories s "
                                      f"ON s.article_id = a.id WHERE a.logical_id IN ({marks}) GROUP BY a.logical_id",
                                      list(logical_ids)):
            out[int(lid)] = -int(story)
    return out


def grouper(db: DB) -> Callable[[list[int]], dict[int, int]]:
    """story_keys over this archive: what search.one_per_article groups hits by to collapse printings."""
    return lambda lids: story_keys(db, lids)


def printing_counts(db: DB, logical_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Logical id → (story id, printings: how many logical articles the story has), for those in a story."""
    keys = {lid: -k for lid, k in story_keys(db, logical_ids).items() if k < 0}
    stories = sorted(set(keys.values()))
    if not stories:
        return {}
    marks = ",".join("?" for _ in stories)
    counts = dict(db.fetchall(f"SELECT s.story_id, count(DISTINCT a.logical_id) FROM article_stories s JOIN articles a "
                              f"ON a.id = s.article_id WHERE s.story_id IN ({marks}) GROUP BY s.story_id", stories))
    return {lid: (story, int(counts.get(story, 1))) for lid, story in keys.items()}


def page_marks(db: DB, page_id: int) -> dict[int, tuple[int | None, int]]:
    """A stored page's articles by their place on it (seq) → (story id or None, printings)."""
    seqs = {int(seq): int(lid or aid) for seq, aid, lid in
            db.fetchall("SELECT seq, id, logical_id FROM articles WHERE page_id=?", (page_id,))}
    counts = printing_counts(db, sorted(set(seqs.values())))
    return {seq: counts.get(lid, (None, 1)) for seq, lid in seqs.items()}


def printings(db: DB, logical_id: int) -> tuple[int | None, list[Printing]]:
    """(story id, its printings by date, paper and page) of a logical article; (None, []) if it has none."""
    story = story_keys(db, [logical_id]).get(logical_id, logical_id)
    if story >= 0:
        return None, []
    # the page of the first part; the first headline of any part (a continued part may repeat it)
    rows = db.fetchall("SELECT a.logical_id, min(a.paper), min(a.date), min(CASE WHEN a.part = 1 THEN a.page END), "
                       "min(a.headline), min(CASE WHEN a.part = 1 THEN a.uid END) FROM articles a WHERE a.logical_id IN (SELECT b.logical_id FROM "
                       "article_stories s JOIN articles b ON b.id = s.article_id WHERE s.story_id = ?) "
                       "GROUP BY a.logical_id", (-story,))
    out = [Printing(int(r[0]), *r[1:]) for r in rows]
    out.sort(key=lambda p: (p.date or "9999", p.paper or "", p.page or "", p.logical_id))
    return -story, out

#!/usr/bin/env python3
"""Check that every example page in examples/ agrees with its gold file.

usage: python3 scripts/check_gold.py [PAGE ...]

For each page (`*.md` / `*.txt` with a sibling `*.gold.json`) it checks:
  * the gold document has the fields of the page document, with valid kinds, dates and types;
  * every column break [a, b] is a block of the page ending in a, followed by a block starting with b,
    and a+b is inside some gold paragraph;
  * every gold paragraph is found by concatenating consecutive blocks of the page, the block
    boundaries it spans are exactly the listed column breaks, and whatever else shares its first or
    last block is its dateline, inline byline, photo credit or jump marker;
  * every other block of the page is a title, byline, subheading, furniture item or image line of
    the gold, so nothing is left unassigned;
  * names, titles, places and orgs occur in their article; reporters appear in the byline; event
    actors and participants are persons of the article, event places its places or orgs;
  * if ../shared/eval/score.py is around, the gold scored against itself gives 1.000 everywhere and
    lost_chars 0.
Exit status 1 if anything fails. Blocks are the blank-line separated chunks of a page; a page with no
blank line at all (plain OCR text) has one block per line.
"""
import datetime
import importlib.util
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "examples"
KINDS = {'news', 'photo', 'notice', 'ad', 'other'}
FURN = {'page_header', 'page_footer', 'column_logo', 'jump', 'image', 'other'}
TYPES = {'调研', '会议', '会见', '党课', '督查', '慰问', '考察', '活动', '其他'}
TODS = {None, '上午', '下午', '晚上'}
ART_KEYS = ['kind', 'kicker', 'headline', 'subheadline', 'subheadings', 'byline', 'reporters',
            'dateline', 'continued_from', 'continued_on', 'paragraphs', 'persons', 'places',
            'orgs', 'events']
EV_KEYS = ['type', 'name', 'date', 'time_of_day', 'date_text', 'actors', 'participants', 'places']
CN_NUM = dict(zip('一二三四五六七八九十', range(1, 11)))
DECOR = '■●▲◆'


def norm(s):
    """As eval/score.py: NFKC, markdown marks and white space dropped."""
    if not isinstance(s, str) or not s:
        return ''
    s = unicodedata.normalize('NFKC', s)
    s = re.sub(r'[*#_>`|\\]', '', s)
    return re.sub(r'\s+', '', s)


def blocks_of(text):
    lines = text.split('\n')
    if any(not ln.strip() for ln in lines[:-1]):
        out, cur = [], []
        for ln in lines:
            if ln.strip():
                cur.append(ln)
            elif cur:
                out.append('\n'.join(cur)); cur = []
        if cur:
            out.append('\n'.join(cur))
        return out
    return [ln for ln in lines if ln.strip()]


def jump_page(text):
    m = re.search(r'第([0-9]+|[一二三四五六七八九十]+)版', text)
    if not m:
        return None
    g = m.group(1)
    if g.isdigit():
        return g
    if len(g) == 1:
        return str(CN_NUM[g])
    return str(10 + CN_NUM.get(g[-1], 0)) if g[0] == '十' else None


class Checker:
    def __init__(self, page_path):
        self.path = page_path
        self.errors = []

    def err(self, msg):
        self.errors.append(f'{self.path.name}: {msg}')

    def run(self):
        gold_path = self.path.with_name(self.path.stem + '.gold.json')
        if not gold_path.exists():
            self.err('no gold file'); return self.errors
        text = self.path.read_text(encoding='utf-8')
        gold = json.loads(gold_path.read_text(encoding='utf-8'))
        self.schema(gold)
        if self.errors:
            return self.errors
        self.layout(text, gold)
        self.facts(gold)
        self.selfscore(gold, text)
        return self.errors

    # ---------------------------------------------------------------- schema
    def schema(self, g):
        for k in ('page', 'articles', 'furniture', 'column_breaks'):
            if k not in g:
                self.err(f'missing top-level key {k}')
        if self.errors:
            return
        p = g['page']
        for k in ('paper', 'date', 'page', 'section', 'source'):
            if k not in p:
                self.err(f'page.{k} missing')
        if p.get('source') != self.path.name:
            self.err(f'page.source {p.get("source")!r} is not the file name')
        m = re.match(r'.+-(\d{4}-\d{2}-\d{2})-p(\d+)\.', self.path.name)
        if m:
            if p.get('date') != m.group(1):
                self.err(f'page.date {p.get("date")} does not match the file name')
            if p.get('page') != str(int(m.group(2))):
                self.err(f'page.page {p.get("page")} does not match the file name')
        for i, a in enumerate(g['articles']):
            tag = f'article {i}'
            for k in ART_KEYS:
                if k not in a:
                    self.err(f'{tag}: key {k} missing')
            if self.errors:
                continue
            if a['kind'] not in KINDS:
                self.err(f'{tag}: kind {a["kind"]}')
            for k in ('subheadings', 'reporters', 'paragraphs', 'persons', 'places', 'orgs', 'events'):
                if not isinstance(a[k], list):
                    self.err(f'{tag}: {k} is not a list')
            for k in ('continued_from', 'continued_on'):
                if a[k] is not None and not (isinstance(a[k], str) and a[k].isdigit()):
                    self.err(f'{tag}: {k} must be digits or null')
            if not a['paragraphs']:
                self.err(f'{tag}: no paragraphs')
            names = [x.get('name') for x in a['persons']]
            if len(set(names)) != len(names):
                self.err(f'{tag}: a person is listed twice')
            for x in a['persons']:
                if set(x) != {'name', 'titles'} or not isinstance(x['titles'], list):
                    self.err(f'{tag}: bad person {x}')
            for k in ('places', 'orgs'):
                if len(set(a[k])) != len(a[k]):
                    self.err(f'{tag}: duplicate in {k}')
            for e in a['events']:
                if set(e) != set(EV_KEYS):
                    self.err(f'{tag}: event keys {sorted(e)}'); continue
                if e['type'] not in TYPES:
                    self.err(f'{tag}: event type {e["type"]}')
                if e['time_of_day'] not in TODS:
                    self.err(f'{tag}: time_of_day {e["time_of_day"]}')
                if e['date'] is not None:
                    try:
                        datetime.date.fromisoformat(e['date'])
                    except ValueError:
                        self.err(f'{tag}: event date {e["date"]}')
        for f in g['furniture']:
            if set(f) != {'kind', 'text'} or f['kind'] not in FURN or not f['text']:
                self.err(f'bad furniture {f}')
        for cb in g['column_breaks']:
            if not (isinstance(cb, list) and len(cb) == 2 and all(isinstance(x, str) and x for x in cb)):
                self.err(f'bad column break {cb}')

    # ---------------------------------------------------------------- layout
    def layout(self, text, g):
        raw = blocks_of(text)
        nb = [norm(b) for b in raw]
        arts, furn = g['articles'], g['furniture']
        breaks = [(norm(a), norm(b)) for a, b in g['column_breaks']]
        paras = [(ai, norm(p)) for ai, a in enumerate(arts) for p in a['paragraphs']]

        # column breaks: a block ending in a, the next block starting with b, a+b in a paragraph
        for (a, b), rawcb in zip(breaks, g['column_breaks']):
            if not any(nb[i].endswith(a) and nb[i + 1].startswith(b) for i in range(len(nb) - 1)):
                self.err(f'column break {rawcb}: no block ending/starting so')
            if not any(a + b in p for _, p in paras):
                self.err(f'column break {rawcb}: a+b is in no gold paragraph')
            if rawcb[0].rstrip()[-1:] in '。！？”!?':
                self.err(f'column break {rawcb}: the left part ends like a real paragraph end')

        # paragraphs as runs of consecutive blocks
        joined, starts = '', []
        for b in nb:
            starts.append(len(joined)); joined += b
        ends = [s + len(b) for s, b in zip(starts, nb)]

        def block_at(pos):
            for i in range(len(nb)):
                if starts[i] <= pos < ends[i]:
                    return i
            return None

        used = [False] * len(nb)
        cursor = 0
        jump_texts = [norm(f['text']) for f in furn if f['kind'] == 'jump']
        for ai, p in paras:
            a = arts[ai]
            pos = joined.find(p, cursor)
            if pos < 0:
                pos = joined.find(p)
            if pos < 0 or not p:
                self.err(f'paragraph not found in the page: {p[:30]}…'); continue
            cursor = pos + len(p)
            i, j = block_at(pos), block_at(pos + len(p) - 1)
            for k in range(i, j + 1):
                used[k] = True
            for k in range(i, j):
                if not any(nb[k].endswith(x) and nb[k + 1].startswith(y) and x + y in p
                           for x, y in breaks):
                    self.err(f'paragraph spans blocks {k}/{k + 1} but no column break is listed '
                             f'there: …{nb[k][-6:]} | {nb[k + 1][:6]}…')
            head = joined[starts[i]:pos]
            tail = joined[pos + len(p):ends[j]]
            allowed = [norm(a['dateline']), norm(a['byline'])] + jump_texts
            if a['byline']:
                allowed.append(norm(re.sub(r'\s*摄$', '', a['byline'])))
            for part, where in ((head, 'before'), (tail, 'after')):
                rest = part
                for x in sorted((x for x in allowed if x), key=len, reverse=True):
                    rest = rest.replace(x, '')
                rest = re.sub('[（）()\\[\\]▲■●◆]', '', rest)
                if rest:
                    self.err(f'unassigned text {where} paragraph “{p[:12]}…”: {part!r}')
        # every listed break is a boundary inside some paragraph
        inner = set()
        for ai, p in paras:
            pos = joined.find(p)
            if pos < 0:
                continue
            i, j = block_at(pos), block_at(pos + len(p) - 1)
            for k in range(i, j):
                inner.add(k)
        for (a, b), rawcb in zip(breaks, g['column_breaks']):
            if not any(nb[k].endswith(a) and nb[k + 1].startswith(b) for k in inner):
                self.err(f'column break {rawcb} is not inside any gold paragraph')

        # the other blocks: titles, bylines, subheadings, furniture, images
        pieces = []
        for a in arts:
            for k in ('kicker', 'headline', 'subheadline', 'byline', 'dateline'):
                if a[k]:
                    pieces.append(norm(a[k]))
            pieces += [norm(s) for s in a['subheadings']]
        pieces += [norm(f['text']) for f in furn]
        images = [f['text'].strip() for f in furn if f['kind'] == 'image']
        for k, b in enumerate(raw):
            if used[k]:
                continue
            if re.fullmatch(r'\s*!\[[^\]]*\]\([^)]*\)\s*', b):
                if b.strip() not in images:
                    self.err(f'image line not in furniture: {b.strip()}')
                continue
            s = nb[k].strip(DECOR)
            if not s or not any(s in x for x in pieces):
                self.err(f'block {k} belongs nowhere in the gold: {b[:40]!r}')
        for im in images:
            if im not in text:
                self.err(f'image furniture not in the page: {im}')

        # jumps
        for i, a in enumerate(arts):
            for k, word in (('continued_from', '上接'), ('continued_on', '下转')):
                if a[k]:
                    if not any(word in f['text'] and jump_page(f['text']) == a[k]
                               for f in furn if f['kind'] == 'jump'):
                        self.err(f'article {i}: {k}={a[k]} but no matching jump in furniture')
        for f in furn:
            if f['kind'] == 'jump':
                word = 'continued_from' if '上接' in f['text'] else 'continued_on'
                if not any(a[word] == jump_page(f['text']) for a in arts):
                    self.err(f'jump {f["text"]} sets no article\'s {word}')

    # ---------------------------------------------------------------- facts
    def facts(self, g):
        for i, a in enumerate(g['articles']):
            tag = f'article {i}'
            body = ''.join([a[k] or '' for k in ('kicker', 'headline', 'subheadline', 'byline', 'dateline')]
                           + a['subheadings'] + a['paragraphs'])
            body = norm(body)
            names = {x['name'] for x in a['persons']}
            for x in a['persons']:
                if norm(x['name']) not in body:
                    self.err(f'{tag}: person {x["name"]} not in the article')
                for t in x['titles']:
                    if norm(t) not in body:
                        self.err(f'{tag}: title {t} of {x["name"]} not in the article')
            for r in a['reporters']:
                if not a['byline'] or r not in a['byline']:
                    self.err(f'{tag}: reporter {r} not in the byline')
                if r not in names:
                    self.err(f'{tag}: reporter {r} not among persons')
            for k in ('places', 'orgs'):
                for x in a[k]:
                    if norm(x) not in body:
                        self.err(f'{tag}: {k[:-1]} {x} not in the article')
            for e in a['events']:
                if not e['actors']:
                    self.err(f'{tag}: event without actors')
                for x in e['actors'] + e['participants']:
                    if x not in names:
                        self.err(f'{tag}: event person {x} not among persons')
                for x in e['places']:
                    if x not in a['places'] and x not in a['orgs']:
                        self.err(f'{tag}: event place {x} not among places/orgs')
                if e['date_text'] and norm(e['date_text']) not in body:
                    self.err(f'{tag}: date_text {e["date_text"]} not in the article')

    # ---------------------------------------------------------------- score.py
    def selfscore(self, g, text):
        score = load_score()
        if score is None:
            return
        m = score.score(g, g, text)
        for k, v in m.items():
            if k in ('articles_gold', 'articles_pred'):
                continue
            if k == 'lost_chars':
                if v:
                    self.err(f'score.py lost_chars {v}')
            elif v != 1.0:
                self.err(f'score.py {k} = {v:.3f} against itself')


_score = False


def load_score():
    global _score
    if _score is False:
        _score = None
        cands = [os.environ.get('JIANBAO_SHARED', ''), HERE.parent / '../shared', HERE.parent.parent / 'shared']
        for c in cands:
            p = Path(c) / 'eval' / 'score.py' if c else None
            if p and p.exists():
                spec = importlib.util.spec_from_file_location('jb_score', p)
                _score = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(_score)
                break
    return _score


def main(argv):
    pages = [Path(a) for a in argv] or sorted(
        p for p in HERE.iterdir() if p.suffix in ('.md', '.txt') and p.name != 'README.md')
    errors, nbreaks = [], 0
    for p in pages:
        errs = Checker(p).run()
        errors += errs
        g = json.loads(p.with_name(p.stem + '.gold.json').read_text(encoding='utf-8'))
        nbreaks += len(g.get('column_breaks') or [])
        print(f'{"FAIL" if errs else "ok  "} {p.name}: {len(g["articles"])} articles, '
              f'{len(g.get("column_breaks") or [])} column breaks')
    for e in errors:
        print('  ' + e)
    print(f'{len(pages)} pages, {nbreaks} column breaks, {len(errors)} problems'
          + ('' if load_score() else ' (score.py not found: self-scoring skipped)'))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

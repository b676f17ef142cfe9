"""Web UI: p95 latency of the search page and the person page under concurrent clients on loopback.

    .venv/bin/python bench/web.py [--clients 20] [--requests 600] [--db bench/results/web.db]

The archive: a copy of bench/search.py's archive (≥ 100,000 generated articles, untagged), built first
if missing, plus generated tagged pages (officials visiting places with changing titles) so that person
pages have titles, activities, places and companions to show. The server is `jianbao.web` under uvicorn
in its own process (as `jianbao serve` runs it); the clients are closed-loop (each sends its next request
when the last one is answered) with keep-alive connections. Every search uses a different query drawn
from the archive's own text as bench/search.py does (runs of 2-6 characters; a fifth with a paper
filter, a tenth with a year, a fifth asking for result page 2 or 3), every person
request a different person where there are enough, so the server's cache rarely helps; the run is
repeated with the cache off for the worst case, and with two server processes. Bounded: stops after --requests per page kind.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.model import EVENT_TYPES, Article, Event, PageDoc, PageMeta, Person  # noqa: E402
from jianbao.store import open_archive  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from search import build, draw, pct  # noqa: E402  (bench/search.py)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "国建文明华志海军平东永健晓立新春德宏光伟红正兴恩广润学思远英凯启航博衡"
TITLES = ["副县长", "县长", "县委书记", "副市长", "市长", "市委副书记", "市委书记"]
PAPERS = ["衡阳日报", "临江日报", "枫林日报"]
PLACES = [f"{a}{b}" for a in ("东", "西", "南", "北", "新", "高", "青", "白") for b in
          ("湖区", "山镇", "河村", "科学城", "工业园", "街道", "开发区", "港区", "新区", "产业园")]


def prepare(db: Path, source: Path, n_articles: int, tagged_pages: int) -> None:
    if not db.exists():
        if not source.exists() or sqlite3.connect(source).execute(
                "SELECT count(*) FROM articles").fetchone()[0] < n_articles:
            print(f"building {source} with bench/search.py's generator …", file=sys.stderr)
            build(source, n_articles)
        print(f"copying {source} → {db}", file=sys.stderr)
        src, dst = sqlite3.connect(source), sqlite3.connect(db)
        src.backup(dst)
        dst.execute("DROP TABLE IF EXISTS naive_fts")
        dst.execute("DROP TABLE IF EXISTS naive_text")
        dst.commit()
        src.close(); dst.close()
    arch = open_archive(str(db))
    have = int(arch.db.fetchone("SELECT count(*) FROM pages WHERE source LIKE 'bench-web-%'")[0])
    rnd = random.Random(7)
    people = sorted({rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN) for _ in range(3000)})[:2000]
    t0 = time.monotonic()
    for k in range(have, tagged_pages):
        r = random.Random(k)
        paper = PAPERS[k % len(PAPERS)]
        day = 737000 + k % 1800   # five years of issues
        from datetime import date
        d = date.fromordinal(day).isoformat()
        arts = []
        for j in range(4):
            who = people[r.randrange(len(people))]
            others = r.sample(people, r.randint(0, 2))
            where = r.choice(PLACES)
            title = TITLES[min(len(TITLES) - 1, (k // 600 + people.index(who)) % len(TITLES))]
            etype = r.choice(EVENT_TYPES[:8])
            body = (f"{d[5:7].lstrip('0')}月{d[8:].lstrip('0')}日，{title}{who}到{where}{etype}。"
                    + "".join(f"{o}参加。" for o in others) + "他强调，要抓好各项工作落实，推动高质量发展。")
            arts.append(Article(id=f"bw{k}-{j}", headline=f"{who}到{where}{etype}", paragraphs=[body],
                                persons=[Person(who, [title])] + [Person(o, ["市领导"]) for o in others],
                                places=[where], events=[Event(etype, etype, d, "上午", None, [who], others, [where])]))
        text = "\n\n".join(a.headline + "\n" + a.paragraphs[0] for a in arts)
        doc = PageDoc(PageMeta(paper, d, str(10 + k // 1800), "要闻", f"bench-web-{k}.md"), arts, sha1=f"bw{k:038d}")
        arch.add(doc, text)
        if k % 500 == 0:
            print(f"  tagged pages: {k}/{tagged_pages} ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    arch.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int, ttl: float, workers: int) -> None:
    """As `jianbao serve --workers N` runs the server."""
    from jianbao.web import serve as server
    from jianbao.web.app import WebSettings
    server.run(db, WebSettings(cache_ttl=ttl), "127.0.0.1", port, workers)


def workloads(db: Path, n: int, rnd: random.Random) -> dict[str, list[str]]:
    from urllib.parse import quote, urlencode
    from jianbao.store.tokens import norm
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    paras = [(0, norm(t)) for (t,) in con.execute("SELECT text FROM paragraphs ORDER BY random() LIMIT ?", (n * 2,))]
    papers = [p for (p,) in con.execute("SELECT name FROM papers")]
    queries = draw(paras, n, rnd)   # as bench/search.py: runs of 2-6 letters/digits from the archive's own text
    search = []
    for q in queries:
        p = {"q": q}
        if rnd.random() < 0.2:
            p["paper"] = rnd.choice(papers)
        if rnd.random() < 0.1:
            y = rnd.randint(2019, 2024)
            p["from"], p["to"] = f"{y}-01-01", f"{y}-12-31"
        if rnd.random() < 0.2:
            p["page"] = rnd.randint(2, 3)
        search.append("/search?" + urlencode(p))
    names = [n_ for (n_,) in con.execute("SELECT DISTINCT p.name FROM persons p JOIN event_roles r "
                                          "ON r.person_id = p.id AND r.role = 'actor' ORDER BY random()")]
    person = ["/person/" + quote(names[k % len(names)]) for k in range(n)]
    return {"search page": search, "person page": person}


async def load(base: str, urls: list[str], clients: int) -> tuple[list[float], int, float]:
    """Closed-loop clients, each on one keep-alive HTTP/1.1 connection: (latencies in ms, non-200 answers,
    seconds). A plain client on asyncio streams: the load generator shares the machine's cores with the
    server, and a full HTTP client library spent about a third of the server's CPU per request (4.1 ms
    against 15.3, measured with httpx), which the server then lacked."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    todo = list(urls)
    lat: list[float] = []
    errors = 0

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while todo:
                u = todo.pop()
                t0 = time.perf_counter()
                writer.write(f"GET {u} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
                status = await read_response(reader)
                lat.append((time.perf_counter() - t0) * 1000)
                errors += status != 200
        finally:
            writer.close()
    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return lat, errors, time.perf_counter() - t0


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one whole response (Content-Length or chunked body); its status code."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
    if "content-length" in fields:
        await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        while (size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    return status


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children so far, from /proc (Linux): what a request
    costs the server whatever else the machine is doing."""
    import os
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            f = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or f[1] == str(pid):
            total += (int(f[11]) + int(f[12])) / tick
    return total


def start(db: Path, ttl: float = 0.0, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """The server in its own process (as `jianbao serve` runs it): (process, base URL), once it answers."""
    import httpx
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve", str(db), str(port), str(ttl), str(workers)])
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/api/stats", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    return proc, base


def run(db: Path, clients: int, n: int, ttl: float, seed: int, workers: int) -> list[tuple]:
    proc, base = start(db, ttl, workers)
    rows = []
    try:
        for kind, urls in workloads(db, n + 40, random.Random(seed)).items():
            asyncio.run(load(base, urls[n:], clients))           # warm-up, not counted
            c0, k0 = cpu_seconds(proc.pid), time.process_time()
            lat, errors, secs = asyncio.run(load(base, urls[:n], clients))
            cpu_ms = (cpu_seconds(proc.pid) - c0) * 1000 / len(lat)
            client_ms = (time.process_time() - k0) * 1000 / len(lat)
            rows.append((kind, ttl, len(lat), errors, pct(lat, .5), pct(lat, .95), pct(lat, .99), max(lat),
                         len(lat) / secs, cpu_ms, client_ms))
    finally:
        proc.terminate()
        proc.wait(20)
    return rows


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--serve":
        serve(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=ROOT / "bench/results/web.db")
    ap.add_argument("--source", type=Path, default=ROOT / "bench/results/search.db")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--tagged-pages", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=600, help="per page kind and cache setting")
    ap.add_argument("--seed", type=int, default=5)
    from jianbao.web.serve import default_workers
    ap.add_argument("--workers", type=int, default=default_workers(),
                    help="server processes for the rows at --clients (default: jianbao serve's, one per core)")
    a = ap.parse_args()
    import os
    load0 = os.getloadavg()[0]
    a.db.parent.mkdir(parents=True, exist_ok=True)
    prepare(a.db, a.source, a.articles, a.tagged_pages)
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    n_art, n_per, n_ev = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "persons", "events"))
    print(f"web UI over {n_art} articles ({n_per} persons, {n_ev} activities), SQLite; closed-loop clients on "
          f"loopback; {a.requests} requests per row (after 40 unmeasured); server processes as `jianbao serve --workers`")
    print(f"{'page':14s}{'clients':>8s}{'workers':>8s}{'cache':>7s}{'n':>6s}{'errors':>8s}{'p50 ms':>9s}{'p95 ms':>9s}"
          f"{'p99 ms':>9s}{'max ms':>9s}{'req/s':>8s}{'cpu ms':>8s}{'client':>8s}   target p95 <= 150 ms at {a.clients} clients")
    # the rows at --clients run the server as `jianbao serve` does by default (--workers: one per core); one
    # more row with a single process, to show what the extra processes buy
    for clients, ttl, workers in ((a.clients, 60.0, a.workers), (a.clients, 0.0, a.workers), (a.clients, 0.0, 1),
                                  (1, 0.0, 1)):
        for kind, t, n, err, p50, p95, p99, mx, rps, cpu, client in run(a.db, clients, a.requests, ttl, a.seed, workers):
            verdict = ("met" if p95 <= 150 else "NOT met") if clients == a.clients else "(one client: no queueing)"
            print(f"{kind:14s}{clients:8d}{workers:8d}{'on' if t else 'off':>7s}{n:6d}{err:8d}{p50:9.1f}{p95:9.1f}"
                  f"{p99:9.1f}{mx:9.1f}{rps:8.1f}{cpu:8.1f}{client:8.1f}   {verdict}", flush=True)
    import os
    print(f"cpu ms: the server's CPU time (user + system, all its processes) per request; client: the load "
          f"generator's own (all clients, one process) per request\n"
          f"machine: {os.cpu_count()} cores; load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
          "server and clients on the same machine")


if __name__ == "__main__":
    main()

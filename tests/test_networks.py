"""Co-appearance networks (issue 22 item 3): `jianbao export --format graphml|gexf|edges` read back with
networkx (nodes with their latest title, edges with weights, activity types and a date range), the
filters (paper, dates, type), the ego network, and the person page's network page and downloads."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from jianbao.model import Article, Event, Person
from jianbao.store import Filters, open_archive
from tag_docs import page
from web_helpers import client_for

nx = pytest.importorskip("networkx")


def activity(etype: str, date: str, actors: dict[str, str], participants: dict[str, str] = {}) -> Article:
    """An invented report of one activity; actors and participants as name → title."""
    who = "、".join(f"{t}{n}" for n, t in actors.items())
    body = f"{int(date[5:7])}月{int(date[8:])}日，{who}{etype}。" + "".join(f"{t}{n}参加。" for n, t in participants.items())
    everyone = {**actors, **participants}
    return Article(headline=f"{who}{etype}", paragraphs=[body],
                   persons=[Person(n, [t]) for n, t in everyone.items()],
                   events=[Event(etype, etype, date, "上午", None, list(actors), list(participants), [])])


def fill(target: str) -> None:
    with open_archive(target) as a:
        a.add(*page("衡阳日报", "2021-03-05", "1", [activity("调研", "2021-03-04", {"秦国文": "市委书记"},
                                                               {"刘正兴": "市委常委", "何恩广": "副市长"})]))
        a.add(*page("衡阳日报", "2021-06-11", "1", [activity("会议", "2021-06-10", {"秦国文": "市委书记", "朱健": "市长"},
                                                               {"刘正兴": "市委秘书长"})]))
        a.add(*page("衡阳日报", "2022-01-20", "2", [activity("调研", "2022-01-19", {"朱健": "市长"},
                                                               {"何恩广": "副市长"})]))
        # another paper: 刘正兴 there is another person (paper-scoped)
        a.add(*page("临江日报", "2021-09-09", "1", [activity("慰问", "2021-09-08", {"周敏": "县长"},
                                                               {"刘正兴": "村主任"})]))


def export(target: str, fmt: str, out, *filters: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", "export", "--db", target, "--format", fmt, "--out",
                           str(out), *filters], capture_output=True, text=True)


def by_name(g) -> dict[str, str]:
    return {d["name"] + "@" + d["paper"]: n for n, d in g.nodes(data=True)}


def check_whole(g) -> None:
    ids = by_name(g)
    assert set(ids) == {"秦国文@衡阳日报", "刘正兴@衡阳日报", "何恩广@衡阳日报", "朱健@衡阳日报", "周敏@临江日报",
                        "刘正兴@临江日报"}
    qin, liu, he, zhu = (ids[x + "@衡阳日报"] for x in ("秦国文", "刘正兴", "何恩广", "朱健"))
    assert g.nodes[liu]["title"] == "市委秘书长"          # the latest title
    assert int(g.nodes[qin]["articles"]) == 2
    assert g.number_of_edges() == 7
    e = g.edges[qin, liu]
    assert int(e["weight"]) == 2 and e["types"] == "会议=1;调研=1"
    assert (e["first"], e["last"]) == ("2021-03-04", "2021-06-10")
    assert int(g.edges[zhu, he]["weight"]) == 1 and int(g.edges[zhu, he]["调研"]) == 1
    assert not g.has_edge(liu, ids["刘正兴@临江日报"])


def test_graphml_gexf_edges_read_back_with_networkx(db_target, tmp_path):
    fill(db_target)
    r = export(db_target, "graphml", tmp_path / "n.graphml")
    assert r.returncode == 0, r.stderr
    assert "exported 7 tie(s) as graphml" in r.stderr
    check_whole(nx.read_graphml(tmp_path / "n.graphml"))
    assert export(db_target, "gexf", tmp_path / "n.gexf").returncode == 0
    g = nx.read_gexf(tmp_path / "n.gexf")
    for n, d in g.nodes(data=True):
        d["name"] = d["label"]
    check_whole(g)
    assert export(db_target, "edges", tmp_path / "e.csv").returncode == 0
    with open(tmp_path / "e.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    g = nx.from_edgelist((r["source"], r["target"], {"weight": int(r["weight"])}) for r in rows)
    assert g.number_of_edges() == 7 and sum(d["weight"] for *_, d in g.edges(data=True)) == 8
    assert {(r["source_name"], r["target_name"]) for r in rows if r["weight"] == "2"} == {("秦国文", "刘正兴")}


def test_filters_paper_dates_type(db_target, tmp_path):
    fill(db_target)
    assert export(db_target, "graphml", tmp_path / "a.graphml", "--type", "调研").returncode == 0
    g = nx.read_graphml(tmp_path / "a.graphml")
    assert sorted(d["name"] for _, d in g.nodes(data=True)) == ["何恩广", "刘正兴", "朱健", "秦国文"]
    assert all(d["types"].startswith("调研=") for *_, d in g.edges(data=True)) and g.number_of_edges() == 4
    assert export(db_target, "graphml", tmp_path / "b.graphml", "--from", "2021-06", "--to", "2021").returncode == 0
    g = nx.read_graphml(tmp_path / "b.graphml")
    assert g.number_of_edges() == 3 + 1                       # the June meeting's three ties, the 临江 visit
    assert export(db_target, "graphml", tmp_path / "c.graphml", "--paper", "临江日报").returncode == 0
    g = nx.read_graphml(tmp_path / "c.graphml")
    assert sorted(d["name"] for _, d in g.nodes(data=True)) == ["刘正兴", "周敏"] and g.number_of_edges() == 1


def test_ego_network_and_standard_output(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        he = a.people("何恩广")[0].person_ids
        net = a.network(Filters(), ego=he)
    assert sorted(n.name for n in net.nodes) == ["何恩广", "刘正兴", "朱健", "秦国文"]
    # the ego's three ties and the three among the others; not 临江日报's tie
    assert len(net.edges) == 6 and sum(1 for e in net.edges if set(he) & {e.source, e.target}) == 3
    r = subprocess.run([sys.executable, "-m", "jianbao", "export", "--db", db_target, "--format", "edges"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and len(list(csv.reader(io.StringIO(r.stdout)))) == 8


def test_unwritable_out_is_one_line(db_target, tmp_path):
    fill(db_target)
    r = export(db_target, "gexf", tmp_path / "no" / "such" / "n.gexf")
    assert r.returncode == 1 and "cannot write the network" in r.stderr and "Traceback" not in r.stderr


def test_person_page_links_the_ego_network(tmp_path):
    pytest.importorskip("fastapi")
    c = client_for(str(tmp_path / "a.db"), fill)
    page_html = c.get("/person/何恩广").text
    link = page_html.split('href="')[[k for k, x in enumerate(page_html.split('href="')) if "/network?ids=" in x][0]]
    url = link.split('"')[0]
    r = c.get(url)
    assert r.status_code == 200 and "<svg" in r.text and "秦国文" in r.text and "共同活动" in r.text
    g = nx.read_graphml(io.BytesIO(c.get(url.replace("/network?", "/network.graphml?")).content))
    assert g.number_of_nodes() == 4
    assert c.get(url.replace("/network?", "/network.gexf?")).headers["content-type"].startswith("application/gexf")
    assert c.get("/person/何恩广/network?ids=x").status_code == 400
    assert c.get("/person/何恩广/network.pdf").status_code == 404
    assert c.get("/person/无此人/network").status_code == 404

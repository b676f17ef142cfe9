"""Co-appearance networks (store: `Archive.network`) as files that network tools open:

- `graphml` (GraphML: networkx, igraph, Cytoscape, yEd, Gephi),
- `gexf` (GEXF 1.2: Gephi, networkx),
- `edges` (a CSV edge list with the names, for a spreadsheet, pandas or R).

Nodes carry name, paper, latest title and articles; edges carry weight (shared activities), `types`
("调研=2;会议=1") and the count of each type as an attribute of its own (named by the type), and the
first and last date. Written with xml.etree (no network library at run time).
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from functools import partial

from ...store import Edge, Network

FORMATS = ("graphml", "gexf", "edges")
EDGE_COLUMNS = ["source", "target", "source_name", "target_name", "source_paper", "target_paper", "weight",
                "types", "first", "last"]
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"

# (name, type) of the node and edge attributes, in GraphML's attr.type words (GEXF: "int" is "integer")
NODE_ATTRS = [("name", "string"), ("paper", "string"), ("title", "string"), ("articles", "int")]
EDGE_ATTRS = [("weight", "int"), ("types", "string"), ("first", "string"), ("last", "string")]


def types_text(e: Edge) -> str:
    return ";".join(f"{t}={n}" for t, n in sorted(e.types.items()))


def _type_names(net: Network) -> list[str]:
    return sorted({t for e in net.edges for t in e.types})


def _node_values(n) -> dict[str, object]:
    return {"name": n.name, "paper": n.paper, "title": n.title, "articles": n.articles}


def _edge_values(e: Edge) -> dict[str, object]:
    out = {"weight": e.weight, "types": types_text(e), "first": e.first, "last": e.last}
    out.update(e.types)
    return {k: v for k, v in out.items() if v is not None}


def _qname(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def graphml(net: Network) -> str:
    ET.register_namespace("", GRAPHML_NS)
    q = partial(_qname, GRAPHML_NS)
    root = ET.Element(q("graphml"))
    keys: dict[tuple[str, str], str] = {}
    for kind, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS + [(t, "int") for t in _type_names(net)])):
        for name, typ in attrs:
            keys[kind, name] = f"d{len(keys)}"
            ET.SubElement(root, q("key"), {"id": keys[kind, name], "for": kind, "attr.name": name, "attr.type": typ})
    g = ET.SubElement(root, q("graph"), {"id": "jianbao", "edgedefault": "undirected"})
    for n in net.nodes:
        el = ET.SubElement(g, q("node"), {"id": str(n.id)})
        for k, v in _node_values(n).items():
            ET.SubElement(el, q("data"), {"key": keys["node", k]}).text = str(v)
    for k, e in enumerate(net.edges):
        el = ET.SubElement(g, q("edge"), {"id": f"e{k}", "source": str(e.source), "target": str(e.target)})
        for name, v in _edge_values(e).items():
            ET.SubElement(el, q("data"), {"key": keys["edge", name]}).text = str(v)
    return _xml(root)


def gexf(net: Network) -> str:
    ET.register_namespace("", GEXF_NS)
    q = partial(_qname, GEXF_NS)
    root = ET.Element(q("gexf"), {"version": "1.2"})
    ET.SubElement(ET.SubElement(root, q("meta")), q("creator")).text = "jianbao"
    g = ET.SubElement(root, q("graph"), {"defaultedgetype": "undirected", "mode": "static"})
    ids: dict[tuple[str, str], str] = {}
    # the edge's weight is GEXF's own attribute of an edge, not a declared one
    for kind, attrs in (("node", [a for a in NODE_ATTRS if a[0] != "name"]),
                        ("edge", [a for a in EDGE_ATTRS if a[0] != "weight"] + [(t, "int") for t in _type_names(net)])):
        decl = ET.SubElement(g, q("attributes"), {"class": kind})
        for name, typ in attrs:
            ids[kind, name] = str(len(ids))
            ET.SubElement(decl, q("attribute"), {"id": ids[kind, name], "title": name,
                                                 "type": "integer" if typ == "int" else typ})
    nodes = ET.SubElement(g, q("nodes"))
    for n in net.nodes:
        el = ET.SubElement(nodes, q("node"), {"id": str(n.id), "label": n.name})
        vals = ET.SubElement(el, q("attvalues"))
        for k, v in _node_values(n).items():
            if k != "name":
                ET.SubElement(vals, q("attvalue"), {"for": ids["node", k], "value": str(v)})
    edges = ET.SubElement(g, q("edges"))
    for k, e in enumerate(net.edges):
        el = ET.SubElement(edges, q("edge"), {"id": str(k), "source": str(e.source), "target": str(e.target),
                                              "weight": str(e.weight)})
        vals = ET.SubElement(el, q("attvalues"))
        for name, v in _edge_values(e).items():
            if name != "weight":
                ET.SubElement(vals, q("attvalue"), {"for": ids["edge", name], "value": str(v)})
    return _xml(root)


def edge_list(net: Network) -> str:
    by_id = {n.id: n for n in net.nodes}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(EDGE_COLUMNS)
    for e in net.edges:
        a, b = by_id[e.source], by_id[e.target]
        w.writerow([e.source, e.target, a.name, b.name, a.paper, b.paper, e.weight, types_text(e), e.first, e.last])
    return buf.getvalue()


WRITERS = {"graphml": graphml, "gexf": gexf, "edges": edge_list}

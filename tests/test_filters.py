"""The archive's filters are declared once (store/filters.py): every field of `Filters` is a query
parameter of the web and an option of the commands, built from that declaration, with the same checks."""
from __future__ import annotations

import ast
import inspect
from dataclasses import asdict, fields
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from jianbao.cli_archive import _filters, events, export, filter_options, search
from jianbao.model import ARTICLE_KINDS, EVENT_TYPES
from jianbao.store import Filters, filter_fields, open_archive
from jianbao.web import create_app
from jianbao.web.params import filter_params

FILTERS_PY = Path(__file__).parents[1] / "src" / "jianbao" / "store" / "filters.py"
PUBLIC = {name: p.name for name, p in filter_fields()}
# every filter given: as options, as a URL's query, and the Filters both make
EVERY = Filters("衡阳日报", "2021-01-01", "2021-02-28", "秦国文", "衡山", "调研", "要闻", "photo", True, True, "430400")
GIVEN = {"paper": "衡阳日报", "from": "2021", "to": "2021-02", "person": "秦国文", "place": "衡山", "type": "调研",
         "section": "要闻", "kind": "photo", "undated": "1", "untyped": "true", "region": "430400"}


def test_every_field_is_declared_with_how_a_reader_gives_it():
    assert set(GIVEN) == set(PUBLIC.values()) and set(asdict(EVERY)) == set(PUBLIC)   # the tests below: every one
    assert [f.name for f in fields(Filters)] == [name for name, _ in filter_fields()]
    assert len(set(PUBLIC.values())) == len(PUBLIC)
    assert PUBLIC["date_from"] == "from" and PUBLIC["date_to"] == "to"
    for name, p in filter_fields():
        assert p.help and p.value.what and p.value.hint, name
    kinds = {name: p.value for name, p in filter_fields()}
    assert kinds["type"].choices == EVENT_TYPES and kinds["kind"].choices == ARTICLE_KINDS
    assert kinds["undated"].flag and kinds["untyped"].flag and Filters().undated is False


def test_the_declaration_is_plain_data():
    """store/ is below web/ and the commands: filters.py imports neither fastapi nor click."""
    tree = ast.parse(FILTERS_PY.read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not names & {"fastapi", "click", "starlette", "pydantic"}


def test_every_field_is_an_http_parameter(tmp_path):
    sig = inspect.signature(filter_params)
    assert list(sig.parameters) == list(PUBLIC)
    for name, p in filter_fields():
        assert (sig.parameters[name].default.alias or name) == p.name
    open_archive(str(tmp_path / "a.db")).close()
    spec = create_app(str(tmp_path / "a.db")).openapi()["paths"]
    for path in ("/api/search", "/api/events"):
        given = {q["name"]: q for q in spec[path]["get"]["parameters"]}
        for name, p in filter_fields():
            q = given[p.name]   # a new field of Filters is a parameter here without a line more
            assert q["description"] == p.help, (path, name)
            schema = q["schema"]["anyOf"][0] if "anyOf" in q["schema"] else q["schema"]
            if p.value.pattern:
                assert schema["pattern"] == p.value.pattern and schema["maxLength"] == p.value.max_length
            if p.value.choices:
                assert tuple(schema["enum"]) == p.value.choices
            if p.value.flag:
                assert schema["type"] == "boolean"


@pytest.mark.parametrize("command", [search, events, export], ids=lambda c: c.name)
def test_every_field_is_an_option_of_the_commands(command):
    options = {o.name: o for o in command.params if isinstance(o, click.Option)}
    for name, p in filter_fields():
        assert options[name].opts == ["--" + p.name], name
        assert options[name].is_flag == p.value.flag


@click.command()
@filter_options
def given(**kw):
    click.echo(repr(_filters(kw)))


def _cli(*args) -> tuple[int, str]:
    r = CliRunner().invoke(given, list(args))
    return r.exit_code, r.output


def test_the_options_make_the_filters():
    args = [x for k, v in GIVEN.items() for x in (["--" + k] if k in ("undated", "untyped") else ["--" + k, v])]
    code, out = _cli(*args)
    assert code == 0 and out.strip() == repr(EVERY), out
    assert _cli() == (0, repr(Filters()) + "\n")
    assert _cli("--paper", "") == (0, repr(Filters()) + "\n")


@pytest.mark.parametrize("args, says", [
    (["--from", "2021-13"], "'2021-13' is not a date: write YYYY-MM-DD (or a year, 2021, or a month, 2021-07)"),
    (["--to", "yesterday"], "is not a date"),
    (["--region", "4304x"], "'4304x' is not a division code: write its digits (430400 for 衡阳市, 43 for 湖南省"),
    (["--region", "4"], "is not a division code"),
    (["--region", "４３"], "is not a division code"),     # full-width digits are not a code
    (["--paper", "报" * 65], "is not a name: at most 64 characters"),
    (["--person", "秦\x07国文"], "without control characters"),
    (["--type", "打麻将"], "调研"),
    (["--kind", "poem"], "news"),
])
def test_the_options_check_as_the_web_does(args, says):
    code, out = _cli(*args)
    assert code == 2 and says in out, out


@pytest.fixture(scope="module")
def http():
    app = FastAPI()

    @app.get("/f")
    async def f(f: Filters = Depends(filter_params)):
        return asdict(f)
    return TestClient(app)


def test_the_query_makes_the_filters(http):
    r = http.get("/f", params=GIVEN)
    assert r.status_code == 200 and r.json() == asdict(EVERY), r.text
    assert http.get("/f", params={"paper": "", "person": ""}).json() == asdict(Filters())


@pytest.mark.parametrize("params, status, says", [
    ({"from": "2021-02-30"}, 400, "from=2021-02-30 is not a date"),
    ({"from": "2022", "to": "2021"}, 400, "swap them"),
    ({"region": "4304x"}, 422, "region"),
    ({"paper": "报" * 65}, 422, "paper"),
    ({"kind": "poem"}, 422, "kind"),
])
def test_the_query_is_checked(http, params, status, says):
    r = http.get("/f", params=params)
    assert r.status_code == status and says in r.text, r.text

"""The cutter's data tables load, compile, and each entry does what its examples say.

The cutter searches with these patterns, so an example must be found in its string by `search`,
and a counter-example (`not`) must not be.
"""
from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from jianbao.cut.tables import entries, tables
from jianbao.textutil import jumps

FILES = ["furniture.toml", "bylines.toml", "datelines.toml", "jumps.toml", "logos.toml",
         "titles.toml", "notices.toml"]


@pytest.mark.parametrize("name", FILES)
def test_every_entry_compiles_and_says_why(name):
    es = entries(name)
    assert es, f"{name} is empty"
    for e in es:
        re.compile(e.pattern)
        assert e.why.strip(), f"{name}: an entry without `why`: {e.pattern}"


@pytest.mark.parametrize("name", FILES)
def test_examples_match_and_counter_examples_do_not(name):
    for e in entries(name):
        rx = re.compile(e.pattern)
        for ex in e.examples:
            assert rx.search(ex), f"{name}: {ex!r} does not match {e.pattern}"
        for ex in e.not_:
            assert not rx.search(ex), f"{name}: {ex!r} should not match {e.pattern}"


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_entries(name):
    keys = [(e.table, e.pattern) for e in entries(name)]
    assert len(keys) == len(set(keys))


def test_jumps_name_their_direction_and_page():
    for e in entries("jumps.toml"):
        assert e.direction in ("from", "on")
        assert "(?P<page>" in e.pattern


def test_the_reader_and_the_cutter_read_one_jump_table():
    """data/jumps.toml is read by textutil (for the reader and the cutter alike) and checked here
    through `entries`: both loaders see the same entries in the same order."""
    assert [(d, rx.pattern) for d, rx in jumps()] == [(e.direction, e.pattern) for e in entries("jumps.toml")]


def test_furniture_tokens_have_unique_names():
    names = [e.name for e in entries("furniture.toml")]
    assert all(names) and len(names) == len(set(names))


def test_surnames_are_single_characters_without_repeats():
    with resources.files("jianbao.data").joinpath("surnames.toml").open("rb") as f:
        data = tomllib.load(f)
    single = "".join((data["single"] + data["rare"]).split())
    assert len(single) == len(set(single)) > 400
    compound = data["compound"] + data["rare_compound"]
    assert all(len(s) == 2 for s in compound)
    assert len(compound) == len(set(compound))


def test_compiled_tables_are_built_once():
    assert tables() is tables()
    t = tables()
    assert "陈" in t.surnames and "欧阳" in t.compound_surnames
    assert "本報訊".translate(t.simplify) == "本报讯"

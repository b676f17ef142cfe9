"""Learned weights shipped as data: load them, checking they fit the code's features.

Each file under cut/data/ holding a model's weights (boundary.json, heads.json) records what it is,
its origin and terms, the feature names in order and one weight per feature.
"""
from __future__ import annotations

import json
from pathlib import Path


def load(path: Path, features: tuple[str, ...], script: str) -> dict:
    """The weights file as a dict; an error that says how to fix it when it was trained on other
    features than the code computes."""
    d = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(d["features"])
    if names != features:
        changed = sorted(set(features) ^ set(names)) or ["the order"]
        raise RuntimeError(f"{path} was trained on other features ({', '.join(changed)}): "
                           f"run .venv/bin/python {script} --write")
    if len(d["weights"]) != len(features):
        raise RuntimeError(f"{path} holds {len(d['weights'])} weights for {len(features)} features: "
                           f"run .venv/bin/python {script} --write")
    return d

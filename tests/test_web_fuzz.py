"""The JSON API fuzzed with schemathesis against its own OpenAPI schema, in process (ASGI), once per
backend: whatever the parameters, no 5xx, and every answer matches the schema it documents."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from schemathesis.specs.openapi.checks import positive_data_acceptance

from jianbao.store import open_archive
from jianbao.web import create_app
from web_helpers import fill


def _schema() -> dict:
    """The app's OpenAPI document (it does not depend on what the archive holds)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.db")
        open_archive(db).close()
        app = create_app(db)
        try:
            return app.openapi()
        finally:
            app.state.pool.close()


schema = schemathesis.openapi.from_dict(_schema())


@pytest.fixture
def fuzz_app(db_target):
    fill(db_target)
    app = create_app(db_target)
    yield app
    app.state.pool.close()


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_no_server_errors(case, fuzz_app):
    # every check but "schema-valid data is accepted": a few rules cannot be said in OpenAPI (from must not
    # be after to; a query needs a letter or digit; page × size ≤ 10,000) and get a 400 with a message
    case.call_and_validate(app=fuzz_app, excluded_checks=[positive_data_acceptance])

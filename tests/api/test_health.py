from fastapi.testclient import TestClient

from app.api.schemas import Health
from app.main import create_app
from tests.conftest import make_settings


def test_healthz_reports_gazetteer_and_store(tmp_path, database_url):
    settings = make_settings(tmp_path, database_url=database_url)
    with TestClient(create_app(settings)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    body = Health.model_validate(response.json())
    assert body.status == "ok"
    assert body.gazetteer["places"] > 5000
    backend = "sqlite" if database_url.startswith("sqlite") else "postgis"
    assert body.store["backend"] == backend
    assert body.store["schema_version"] >= 1 and body.store["events"] == 0


def test_docs_and_openapi_are_served(http):
    assert http.get("/docs").status_code == 200
    spec = http.get("/openapi.json").json()
    assert "/gazetteer/search" in spec["paths"] and "/healthz" in spec["paths"]


def test_unknown_path_is_a_problem(http):
    response = http.get("/no/such/path")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"

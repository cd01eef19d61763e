from app.api.schemas import Health


def test_healthz_reports_gazetteer_and_store(http):
    response = http.get("/healthz")
    assert response.status_code == 200
    body = Health.model_validate(response.json())
    assert body.status == "ok"
    assert body.gazetteer["places"] > 5000
    assert body.store["backend"] == "sqlite" and body.store["schema_version"] >= 1


def test_docs_and_openapi_are_served(http):
    assert http.get("/docs").status_code == 200
    spec = http.get("/openapi.json").json()
    assert "/gazetteer/search" in spec["paths"] and "/healthz" in spec["paths"]


def test_unknown_path_is_a_problem(http):
    response = http.get("/no/such/path")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"

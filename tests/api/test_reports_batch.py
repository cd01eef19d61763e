"""POST /reports/batch against a real server: per-item results, one transaction."""

import httpx
import pytest

from tests.conftest import LiveServer, make_settings

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def api(tmp_path_factory, module_database_url):
    settings = make_settings(tmp_path_factory.mktemp("batch"), database_url=module_database_url)
    with LiveServer(settings) as live:
        with httpx.Client(base_url=live.url, timeout=60) as client:
            yield client


def _report(text: str, **extra: object) -> dict[str, object]:
    return {"text": text, "published": "2024-08-08", **extra}


def test_items_succeed_or_fail_on_their_own(api):
    bomb = "A roadside bomb struck an Iraqi army patrol near Tikrit on Monday, killing two."
    body = {
        "reports": [
            _report(bomb, url="https://x.example/1"),
            {"published": "2024-08-08"},
            "not an object",
            _report(bomb),  # the same text again, in the same batch
            _report("x" * 200_001),
            _report("Protesters rallied in Basra on Sunday against power cuts."),
            _report("   "),
        ]
    }
    response = api.post("/reports/batch", json=body)
    assert response.status_code == 200, response.text
    out = response.json()
    assert [r["status"] for r in out["results"]] == [201, 422, 422, 200, 413, 201, 422]
    assert [r["index"] for r in out["results"]] == list(range(7))
    assert (out["created"], out["existing"], out["failed"]) == (2, 1, 4)
    first, missing, _, again, too_long, _, _ = out["results"]
    assert again["report_id"] == first["report_id"] and again["created"] is False
    assert again["event_ids"] == first["event_ids"] and first["event_ids"]
    assert "text" in missing["problem"]["detail"]
    assert too_long["problem"]["type"].endswith("/text-too-long")
    events = api.get(f"/reports/{first['report_id']}/events").json()
    assert [f["id"] for f in events["features"]] == [str(i) for i in first["event_ids"]]


@pytest.mark.parametrize(
    "body",
    [{"reports": []}, {"reports": [_report("x")] * 1001}, {"items": []}, [_report("x")]],
)
def test_a_malformed_request_is_refused_whole(api, body):
    before = api.get("/reports").json()["numberMatched"]
    response = api.post("/reports/batch", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    assert api.get("/reports").json()["numberMatched"] == before


def test_not_json_is_refused(api):
    response = api.post(
        "/reports/batch", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400  # the input guard, before any route
    assert response.headers["content-type"].startswith(PROBLEM)


def test_a_batch_body_may_exceed_the_single_report_limit(api):
    # 1,001 reports of 3,000 characters: about 3 MB, over the 2 MiB limit of POST /reports
    # but within the batch limit, so the guard passes it and validation refuses the count.
    body = {"reports": [_report("Kirkuk. " * 375) for _ in range(1001)]}
    response = api.post("/reports/batch", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    single = api.post("/reports", json=_report("x" * 2_200_000))
    assert single.status_code == 413


def test_a_batch_body_over_its_limit_is_refused_before_reading(api):
    response = api.post("/reports/batch", json={"reports": [_report("x" * 17_000_000)]})
    assert response.status_code == 413 and "16,777,216" in response.json()["detail"]

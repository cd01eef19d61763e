"""The server's log configuration: JSON lines with the request id, or plain text."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import sys

import pytest

from app.logs import JsonFormatter, log_config, request_id
from app.settings import LogSettings


def test_json_lines_carry_the_request_id_extras_and_exceptions() -> None:
    formatter = JsonFormatter()
    record = logging.makeLogRecord(
        {"name": "app.x", "levelname": "WARNING", "msg": "hello %s", "args": ("world",)}
    )
    record.route = "/events"
    token = request_id.set("abc123")
    try:
        entry = json.loads(formatter.format(record))
    finally:
        request_id.reset(token)
    assert entry["message"] == "hello world" and entry["request_id"] == "abc123"
    assert entry["route"] == "/events" and entry["level"] == "WARNING"
    try:
        raise ValueError("boom")
    except ValueError:
        failed = logging.makeLogRecord({"msg": "failed", "exc_info": sys.exc_info()})
    assert "ValueError: boom" in json.loads(formatter.format(failed))["exception"]
    assert json.loads(formatter.format(logging.makeLogRecord({"msg": "x"})))["request_id"] == "-"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_log_config_applies(fmt: str) -> None:
    config = log_config(LogSettings(_env_file=None, log_format=fmt, log_level="INFO"))
    stream = io.StringIO()
    config["handlers"]["default"]["stream"] = stream
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        logging.config.dictConfig(config)
        logging.getLogger("uvicorn.error").info("started")
        logging.getLogger("uvicorn.access").info("uvicorn's own access line is off")
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and "started" in lines[0]
    if fmt == "json":
        assert json.loads(lines[0])["logger"] == "uvicorn.error"

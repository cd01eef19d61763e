"""`geoevents serve` in a child process, as an operator starts it, and its workers' memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import free_port


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: split after it.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def memory(pid: int) -> dict[str, float]:
    """Anonymous and file-backed resident memory (MiB) and the thread count of a process."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("RssAnon", "RssFile", "Threads"):
            number = int(value.split()[0])
            fields[name] = number if name == "Threads" else round(number / 1024, 1)
    return fields


class ServeProcess:
    """``geoevents serve --workers N`` on 127.0.0.1 and a free port; stderr goes to a file."""

    def __init__(self, database_url: str, log: Path, workers: int, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log_path = log
        self._log = open(log, "wb")  # noqa: SIM115 (closed in __exit__)
        command = [
            str(Path(sys.executable).parent / "geoevents"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(workers),
        ]
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("GEOEVENTS_") and key != "PROMETHEUS_MULTIPROC_DIR"
        }
        # A worker that crashes in C code (a segfault, an abort) prints every thread's
        # Python stack to the log, so a test that sees a worker vanish can say why.
        environment |= {"GEOEVENTS_DATABASE_URL": database_url, "PYTHONFAULTHANDLER": "1", **env}
        self.process = subprocess.Popen(
            command, env=environment, stdout=self._log, stderr=subprocess.STDOUT
        )

    def worker_pids(self) -> list[int]:
        """The worker processes (uvicorn's children, not the resource tracker)."""
        pids = []
        for pid in children(self.process.pid):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"resource_tracker" not in command:
                pids.append(pid)
        return pids

    def log_tail(self, chars: int = 6000) -> str:
        """The end of the server's log without its access lines: what uvicorn's supervisor
        says when a worker died, and the traceback of a worker that failed to start."""
        self._log.flush()
        lines = self.log_path.read_text(errors="replace").splitlines(keepends=True)
        return "".join(line for line in lines if '"logger":"app.access"' not in line)[-chars:]

    def __enter__(self) -> ServeProcess:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                httpx.get(f"{self.url}/healthz", timeout=5).raise_for_status()
                # One worker answering says nothing of the others: each says in the log when
                # its lifespan (the gazetteer, the store) is done.
                if self._started() >= self.workers:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"geoevents serve did not start: {self.log_path.read_text()[-2000:]}")

    def _started(self) -> int:
        """How many workers have finished their start-up, by the server's log."""
        self._log.flush()
        return self.log_path.read_text(errors="replace").count("Application startup complete")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()

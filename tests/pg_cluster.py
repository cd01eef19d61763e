"""A throw-away PostgreSQL + PostGIS cluster for the tests and the benchmark.

Debian's server binaries (``/usr/lib/postgresql/N/bin``) run ``initdb`` into a temporary
directory and ``pg_ctl start`` on a free 127.0.0.1 port. PostgreSQL refuses to run as root:
as root the cluster belongs to the ``postgres`` user (which Debian's package creates).
Durability is off (``fsync=off``): the cluster lives as long as the test session.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ADMIN_DB = "postgres"
TEMPLATE = "geoevents_template"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_bin() -> Path | None:
    """The newest installed server's bin directory that has PostGIS, or None."""
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    for initdb in roots:
        version = initdb.parent.parent.name
        if Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
            return initdb.parent
    return None


def why_unavailable() -> str | None:
    """Why no cluster can be started here (None when one can)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'geoevents[postgis]')"
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return "PostgreSQL server binaries are not installed (apt-get install postgresql)"
    if server_bin() is None:
        return "PostGIS is not installed (apt-get install postgresql-15-postgis-3)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


class TempCluster:
    """initdb + pg_ctl in a temporary directory; ``url(db)`` for connections."""

    def __init__(self) -> None:
        binary = server_bin()
        if binary is None:
            raise RuntimeError(why_unavailable() or "no PostgreSQL")
        self.bin = binary
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="geoevents-pg-"))
        self.data = self.root / "data"
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "postgres"
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            user=self.user,
            cwd=self.root,
        )

    def start(self) -> TempCluster:
        """Create the cluster, start it, and make a template database with PostGIS."""
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync", "--locale=C.UTF-8",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w",
            "start",
        )  # fmt: skip
        import psycopg

        with psycopg.connect(self.url(ADMIN_DB), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(self.url(TEMPLATE), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")
        return self

    def url(self, database: str) -> str:
        """A connection URL for one database of the cluster."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database (PostGIS installed) and its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(ADMIN_DB), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its files."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

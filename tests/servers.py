"""Real servers for tests: gunicorn with the production settings, Redis, nginx.

Every server binds a port the OS chose free at run time, so suites running at
the same moment on one machine never meet.
"""

import fcntl
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds=30, what="the server"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} did not start in {seconds} s")


def production_env(workdir, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SQLITE_PATH=str(Path(workdir) / "site.sqlite3"),
        STATIC_ROOT=str(Path(workdir) / "static"),
        CACHE_KEY_PREFIX=f"test-{os.getpid()}-{secrets.token_hex(4)}",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"
    return result.stdout


def shared_folder():
    """A folder every test process of this run shares (tests/conftest.py makes it)."""
    folder = os.environ.get("CLINIC_TEST_SHARED")
    if not folder:  # imported outside a test run
        folder = os.environ["CLINIC_TEST_SHARED"] = tempfile.mkdtemp(prefix="clinic-tests-")
    return Path(folder)


def built_once(name, build):
    """The folder ``name`` in the shared folder, made by ``build(folder)`` once per run.

    The first test process to ask builds it while holding a lock; the others wait
    for it and then use it as it is. What is built this way is only ever read.
    """
    folder = shared_folder() / name
    with open(shared_folder() / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            build(folder)
            (folder / ".built").touch()
    return folder


def shared_static_files():
    """`collectstatic` with the production settings, once per run (about 9 s each time)."""

    def build(folder):
        env = production_env(folder, STATIC_ROOT=str(folder / "static"))
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")

    return built_once("static", build) / "static"


def migrated_database():
    """A SQLite database with every migration applied, made once per run."""

    def build(folder):
        manage(production_env(folder), "migrate", "--no-input")

    return built_once("migrated", build) / "site.sqlite3"


def demo_database():
    """The migrated database with the demo content loaded, made once per run."""

    def build(folder):
        copy_database(migrated_database(), folder / "site.sqlite3")
        manage(production_env(folder), "load_demo_content")

    return built_once("demo", build) / "site.sqlite3"


def copy_database(source, target):
    """A consistent copy of a SQLite database (SQLite's own backup, WAL included)."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()
    return Path(target)


def prepare_site(env, fresh=False):
    """What `make serve` does before it starts gunicorn: migrate, load the demo
    content, collect the static files.

    The result is the same for every test, so by default the database is a copy
    of one made once per run and the static files are the run's collected ones.
    ``fresh=True`` runs the database commands themselves, in ``env``, for a test
    about how they behave there.
    """
    env["STATIC_ROOT"] = str(shared_static_files())
    if fresh:
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo_content")
    else:
        copy_database(demo_database(), env["SQLITE_PATH"])


def gunicorn_command(port, workers=2):
    """The production command line (clinic_site/gunicorn.conf.py) on 127.0.0.1:port."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "-c",
        "clinic_site/gunicorn.conf.py",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "clinic_site.wsgi",
    ]


@contextmanager
def gunicorn(env, workers=2):
    port = free_port()
    log = open(Path(env["SQLITE_PATH"]).with_name(f"gunicorn-{port}.log"), "w")  # noqa: SIM115
    server = subprocess.Popen(
        gunicorn_command(port, workers),
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: urllib.request.urlopen(url + "/healthz", timeout=2), what="gunicorn")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


class RedisServer:
    """A throwaway redis-server on a free port: nothing saved, nothing shared."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        wait_for(lambda: redis.Redis(port=self.port).ping(), what="redis-server")
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

"""make bench: the production set-up under load, every page measured against a static file.

For each database (SQLite always; PostgreSQL too when DATABASE_URL is set) it:

1. loads the demo content and the scale set into a database of its own (a
   throwaway SQLite file, or the database DATABASE_URL names);
2. counts each page's SQL queries with a cold cache;
3. starts gunicorn with the production settings on 127.0.0.1 (2 workers);
4. runs wrk at 16 connections against each page and one static CSS file in
   turn, round after round (static, home, article, ... then again), so every page
   is measured next to the static file under the same conditions;
5. starts nginx with deploy/nginx/ in front of the same gunicorn and measures
   the static file (served by nginx) and every anonymous page through it;
6. prints both tables: requests per second, p50 and the worst round's p99
   latency, each page's ratio to the static file of the same set-up (the
   median of the rounds' ratios) and the servers' CPU time per request, and
   checks the targets.
"""

# Every command and URL below is built here from fixed parts, never from input.
# ruff: noqa: S603, S310

import json
import os
import platform
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from .nginx_config import nginx_command, render_standalone

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "bad_status": %d, '
    .. '"p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""

NGINX_WORKERS = 2

# The article `load_scale_set` (comments app) gives 200 comments.
BUSY_ARTICLE = "/articles/what-is-ims/"

# A session cookie makes the site render the page afresh, as it does for staff.
FRESH_COOKIE = "sessionid=benchmark-visitor-without-cache"


@dataclass
class Target:
    name: str
    path: str
    cached: bool
    cookie: str = ""
    rounds: list = field(default_factory=list)

    @property
    def requests_per_second(self):
        requests = sum(r["requests"] for r in self.rounds)
        seconds = sum(r["duration_us"] for r in self.rounds) / 1e6
        return requests / seconds

    def round_rates(self):
        return [r["requests"] / (r["duration_us"] / 1e6) for r in self.rounds]

    def ratio_to(self, static):
        """The median, over rounds, of this page's rate over the static file's rate.

        Each round measures the static file and then every page, so a round's
        ratio compares the two under the same conditions; the median keeps one
        disturbed round (another process waking up) from deciding the figure.
        """
        return statistics.median(
            page / file for page, file in zip(self.round_rates(), static.round_rates(), strict=True)
        )

    @property
    def cpu_ms(self):
        """The servers' processor time per answered request, in milliseconds.

        What each request costs is what a change to the code changes, and with
        the connection count it bounds the latency: 16 connections on two
        workers at C ms each wait about 8 x C ms on average. It is not free of
        the machine either: a processor slowed by its neighbours takes longer
        for the same work (seen: 1.2 and 2.3 ms for the same file a minute apart).
        """
        requests = sum(r["requests"] for r in self.rounds)
        return 1000 * sum(r["cpu_s"] for r in self.rounds) / requests if requests else 0.0

    @property
    def p50_ms(self):
        return statistics.median(r["p50_us"] for r in self.rounds) / 1000

    @property
    def p99_ms(self):
        # The worst round's p99: a slow moment is not averaged away.
        return max(r["p99_us"] for r in self.rounds) / 1000

    @property
    def failures(self):
        return sum(r["errors"] + r["bad_status"] for r in self.rounds)


class Command(BaseCommand):
    servers = ()  # the processes whose CPU time counts (process_tree)
    help = (
        "Benchmark the production set-up (gunicorn, 2 workers) with the demo content and a "
        "scale set, comparing every page with a static file. Needs wrk (make bench installs it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=4, help="Length of one measurement.")
        parser.add_argument("--rounds", type=int, default=3, help="Rounds over all the pages.")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, seconds, rounds, connections, workers, **options):
        self.wrk = shutil.which("wrk")
        if not self.wrk:
            raise CommandError("wrk is not installed: run `make bench`, or apt-get install wrk.")
        self.seconds, self.rounds = seconds, rounds
        self.connections, self.workers = connections, workers
        self.workdir = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
        self.script = self.workdir / "report.lua"
        self.script.write_text(WRK_REPORT)

        legs = [("SQLite", {"SQLITE_PATH": str(self.workdir / "bench.sqlite3")})]
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            refuse_unless_empty(database_url)
            name = "PostgreSQL" + (" + Redis" if os.environ.get("REDIS_URL") else "")
            legs.append((name, {"DATABASE_URL": database_url}))
        try:
            for name, env in legs:
                self.run_leg(name, env)
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)
        self.stdout.write(self.machine())

    # --- One database ----------------------------------------------------------

    def environment(self, extra):
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="clinic_site.settings.prod",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            CACHE_KEY_PREFIX=f"bench-{os.getpid()}",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        if "DATABASE_URL" in extra and os.environ.get("REDIS_URL"):
            env["REDIS_URL"] = os.environ["REDIS_URL"]
        env.update(extra)
        return env

    def manage(self, env, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def run_leg(self, name, extra):
        env = self.environment(extra)
        self.stdout.write(f"\n== {name}: preparing the database and static files ==")
        self.manage(env, "migrate", "--no-input")
        self.manage(env, "load_demo_content")
        self.stdout.write(self.manage(env, "load_scale_set").strip())
        self.manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
        article = BUSY_ARTICLE
        targets = [
            Target("static CSS file", "/static/" + manifest["paths"]["css/site.css"], True),
            Target("home", "/", True),
            Target("article, 200 comments", article, True),
            Target("article, 200 comments, uncached", article, False, FRESH_COOKIE),
            Target("FAQ (500+ questions)", "/faq/", True),
            Target("safety page, in French", "/fr/safety/", True),
            Target("search", "/search/?q=needle", True),
        ]
        queries = json.loads(
            self.manage(env, "page_queries", "--json", *[t.path for t in targets[1:]])
            .strip()
            .splitlines()[-1]
        )

        # Behind nginx: every anonymous page, against nginx's own static-file rate.
        proxied = [Target(f"{t.name} (nginx)", t.path, True) for t in targets if t.cached]

        port = free_port()
        server = self.start_gunicorn(env, port)
        try:
            base = f"http://127.0.0.1:{port}"
            self.servers = process_tree(server.pid)
            self.warm_up(base, targets)
            self.stdout.write(
                f"Measuring: {self.rounds} rounds x {len(targets)} targets x {self.seconds:g} s, "
                f"{self.connections} connections, gunicorn with {self.workers} workers."
            )
            for _ in range(self.rounds):
                for target in targets:
                    target.rounds.append(self.wrk_run(base, target))
            proxy_port = free_port()
            proxy = self.start_nginx(proxy_port, port)
            try:
                proxy_base = f"http://127.0.0.1:{proxy_port}"
                # nginx answers from its cache; gunicorn renders what it refreshes.
                self.servers = process_tree(proxy.pid) + process_tree(server.pid)
                self.warm_up(proxy_base, proxied)
                self.stdout.write(
                    f"Measuring behind nginx (deploy/nginx/, {NGINX_WORKERS} workers, "
                    "one-second microcache) in front of the same gunicorn."
                )
                for _ in range(self.rounds):
                    for target in proxied:
                        target.rounds.append(self.wrk_run(proxy_base, target))
            finally:
                proxy.terminate()
                proxy.wait(timeout=30)
        finally:
            server.terminate()
            server.wait(timeout=30)
            self.forget_redis_keys(env)
        self.report(f"{name}, gunicorn alone", targets, queries)
        self.report(f"{name}, behind nginx", proxied, queries, behind_proxy=True)

    def start_nginx(self, port, upstream_port):
        prefix = self.workdir / f"nginx-{port}"
        config = render_standalone(
            prefix=prefix,
            workers=NGINX_WORKERS,
            listen=f"127.0.0.1:{port}",
            upstream=f"127.0.0.1:{upstream_port}",
            static_root=settings.STATIC_ROOT,
        )
        (prefix / "nginx.conf").write_text(config)
        server = subprocess.Popen(nginx_command(prefix))
        return wait_until_up(server, port, f"nginx did not start; see {prefix / 'error.log'}")

    @staticmethod
    def forget_redis_keys(env):
        """Remove this run's keys from a shared Redis (they all carry its prefix)."""
        if not env.get("REDIS_URL"):
            return
        import redis

        client = redis.Redis.from_url(env["REDIS_URL"])
        keys = list(client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*", count=1000))
        if keys:
            client.delete(*keys)

    def start_gunicorn(self, env, port):
        log = open(self.workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed with the workdir
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "--config",
                "clinic_site/gunicorn.conf.py",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "clinic_site.wsgi",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return wait_until_up(server, port, f"gunicorn did not start; see {log.name}")

    def warm_up(self, base, targets):
        """Fill every worker's cache before measuring: one second of load per target.

        A few single requests may all land on the same worker; a page the other
        worker has never rendered would then be rendered inside a measurement.
        """
        for target in targets:
            request = urllib.request.Request(base + target.path)
            if target.cookie:
                request.add_header("Cookie", target.cookie)
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
            self.wrk_run(base, target, seconds=1)

    def wrk_run(self, base, target, seconds=None):
        command = [
            self.wrk,
            "--threads",
            "1",
            "--connections",
            str(self.connections),
            "--duration",
            f"{seconds or self.seconds:g}s",
            "--timeout",
            "5s",
            "--script",
            str(self.script),
            "--header",
            "Accept-Encoding: gzip, br",
        ]
        if target.cookie:
            command += ["--header", f"Cookie: {target.cookie}"]
        cpu_before = cpu_seconds(self.servers)
        output = subprocess.run(
            [*command, base + target.path], capture_output=True, text=True, check=True
        ).stdout
        # When wrk stops, the workers still owe answers to requests it abandoned
        # (up to 16 slow renders); let them finish so the next page does not wait
        # behind them. Their work counts for this page.
        time.sleep(1)
        result = json.loads(output.strip().splitlines()[-1])
        result["cpu_s"] = cpu_seconds(self.servers) - cpu_before
        return result

    # --- Output ------------------------------------------------------------------

    def report(self, name, targets, queries, behind_proxy=False):
        # Targets: gunicorn alone, cached pages >= 0.8x its static file, the
        # uncached article >= 0.15x, p99 < 50 ms; behind nginx, every anonymous
        # page >= 0.8x nginx's own static file, p99 < 20 ms.
        p99_limit = 20 if behind_proxy else 50
        static = targets[0]
        self.stdout.write(f"\n{name}")
        header = (
            f"{'page':<34} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x static':>9} "
            f"{'CPU ms':>7} {'SQL cold':>9} {'target':>14}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        failed = []
        for target in targets:
            ratio = target.ratio_to(static)
            if target is targets[0]:
                sql, goal = "-", "-"
            else:
                kind = "anonymous" if target.cached else "with session"
                sql = str(queries[target.path][kind]["queries"]) if not behind_proxy else "-"
                needed = 0.8 if target.cached else 0.15
                goal = f">= {needed:.2f}x"
                if ratio < needed:
                    failed.append(f"{target.name}: {ratio:.2f}x static, needs {needed:.2f}x")
            if target.p99_ms >= p99_limit:
                failed.append(f"{target.name}: p99 {target.p99_ms:.1f} ms, needs < {p99_limit} ms")
            if target.failures:
                failed.append(f"{target.name}: {target.failures} failed requests")
            self.stdout.write(
                f"{target.name:<34} {target.requests_per_second:>8,.0f} {target.p50_ms:>7.1f} "
                f"{target.p99_ms:>7.1f} {ratio:>8.2f}x {target.cpu_ms:>7.3f} {sql:>9} {goal:>14}"
            )
        if failed:
            self.stdout.write(self.style.ERROR("Targets missed:\n  " + "\n  ".join(failed)))
        else:
            goals = (
                "every anonymous page >= 0.8x nginx's static file, p99 < 20 ms"
                if behind_proxy
                else "cached pages >= 0.8x static, uncached article >= 0.15x, p99 < 50 ms"
            )
            self.stdout.write(self.style.SUCCESS(f"All targets met: {goals}."))

    @staticmethod
    def machine():
        cpu = platform.processor() or "unknown CPU"
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        memory = ""
        try:
            kb = int(Path("/proc/meminfo").read_text().split()[1])
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
        except (OSError, ValueError, IndexError):
            pass
        wrk_version = subprocess.run(
            [shutil.which("wrk") or "wrk", "--version"], capture_output=True, text=True
        )
        return (
            f"\nMachine: {cpu}, {os.cpu_count()} CPUs{memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; SQLite "
            f"{sqlite3.sqlite_version}; {(wrk_version.stdout or wrk_version.stderr).split()[0:2]}"
        )


def process_tree(pid):
    """``pid`` and its child processes (a server's master and its workers), from /proc."""
    pids = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            continue  # a process that ended while we looked
        if parent == pid:
            pids.append(int(stat.parent.name))
    return pids


def cpu_seconds(pids):
    """User and system processor time the processes ``pids`` have used so far."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (proc(5))
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_until_up(server, port, failure, seconds=30):
    """``server`` once its /healthz answers on ``port``; CommandError if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    server.terminate()
    raise CommandError(failure)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def refuse_unless_empty(database_url):
    """The benchmark loads 20,000 comments: never into a database that holds anything."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    if tables:
        raise CommandError(
            "DATABASE_URL names a database that is not empty. The benchmark fills "
            "the database it is given with test content, so give it a new, empty one "
            "(createdb clinic_bench), never the site's own."
        )

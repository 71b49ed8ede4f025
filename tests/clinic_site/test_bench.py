"""make bench: what it measures, and the database it refuses to fill."""

import os
import uuid

import psycopg
import pytest
from django.core.management.base import CommandError

from clinic_site.management.commands.bench import refuse_unless_empty

SERVER = "postgres://postgres@127.0.0.1:5432"  # PostgreSQL runs here and in CI


@pytest.fixture
def database():
    name = f"bench_check_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{SERVER}/{name}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_the_benchmark_refuses_a_database_that_is_not_empty(database):
    refuse_unless_empty(database)  # a new, empty database is fine
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("CREATE TABLE education_article (id int)")

    with pytest.raises(CommandError, match="not empty"):
        refuse_unless_empty(database)


def test_a_page_is_compared_with_the_static_file_round_by_round():
    from clinic_site.management.commands.bench import Target

    def rounds(*rates):
        return [{"requests": rate * 4, "duration_us": 4_000_000} for rate in rates]

    static = Target("static", "/static/site.css", True, rounds=rounds(1000, 1000, 400))
    # The last round ran while something else used the machine: both rates fell.
    page = Target("home", "/", True, rounds=rounds(900, 850, 340))

    assert page.ratio_to(static) == pytest.approx(0.85)


def test_each_page_reports_the_servers_processor_time_per_request():
    from clinic_site.management.commands.bench import Target

    page = Target(
        "article",
        "/articles/a/",
        False,
        rounds=[
            {"requests": 1000, "duration_us": 4_000_000, "cpu_s": 4.0},
            {"requests": 500, "duration_us": 4_000_000, "cpu_s": 2.5},
        ],
    )

    assert page.cpu_ms == pytest.approx(1000 * 6.5 / 1500)


def test_processor_time_is_read_for_a_server_and_its_workers():
    import subprocess
    import sys
    import time

    from clinic_site.management.commands.bench import cpu_seconds, process_tree

    # A "worker" that works for 0.3 s of processor time, then waits.
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\nt = time.process_time()\n"
            "while time.process_time() - t < 0.3: pass\nprint('done', flush=True)\n"
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "done"
        assert worker.pid in process_tree(os.getpid())
        used = cpu_seconds([worker.pid])
        assert 0.25 <= used < 5
        time.sleep(0.2)  # waiting costs no processor time
        assert cpu_seconds([worker.pid]) - used < 0.05
        # A process that has gone is left out, not an error.
        assert cpu_seconds([worker.pid, 2**22 + 7]) == pytest.approx(cpu_seconds([worker.pid]))
    finally:
        worker.kill()
        worker.wait()

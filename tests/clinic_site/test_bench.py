"""make bench never fills a database that already holds something."""

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

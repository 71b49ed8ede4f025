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

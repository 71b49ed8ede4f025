import os
import shutil
import tempfile
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django_redis.cache import RedisCache

from clinic_site.page_cache import generation
from tests.factories import ClinicProfileFactory, StaffUserFactory, SuperUserFactory


def pytest_configure(config):
    """One folder for what the test processes of this run build once and share
    (tests/servers.py: the collected static files, prepared databases). The
    processes pytest-xdist starts inherit its name from the environment."""
    if not hasattr(config, "workerinput"):
        os.environ["CLINIC_TEST_SHARED"] = tempfile.mkdtemp(prefix="clinic-tests-")


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shutil.rmtree(os.environ.pop("CLINIC_TEST_SHARED", ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches (pages, counters), like a freshly started site.

    On a shared Redis only this run's keys (CACHE_KEY_PREFIX) are removed, so two
    runs on one Redis server do not wipe each other's.
    """
    for cache in caches.all():
        if isinstance(cache, RedisCache) and cache.key_prefix:
            cache.delete_pattern("*")  # only keys under this run's KEY_PREFIX
        else:
            cache.clear()
    generation.forget()


@pytest.fixture(autouse=True)
def english_by_default():
    """Every test starts in English, as a request to / does.

    A request leaves its language active in the thread afterwards, and translated
    fields (title, body...) read and write the active language's column, so an
    earlier test's language would otherwise change what a factory writes.
    """
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def clinic(db):
    return ClinicProfileFactory()


def load_demo():
    """The demo clinic's content, as `make run` loads it."""
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def demo_content(db):
    load_demo()


@pytest.fixture
def staff_user(db):
    return StaffUserFactory()


@pytest.fixture
def superuser(db):
    return SuperUserFactory(username="boss")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@contextmanager
def kept_for_a_module(django_db_blocker, load):
    """Data loaded once and committed for a whole module of tests that only read it.

    Each test still runs in its own transaction; at the module's end the tables
    are emptied and what the migrations put in (staff groups, permissions, body
    regions...) is put back, as Django's serialized_rollback does.
    """
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        load()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)


@pytest.fixture(scope="module")
def demo_content_for_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a module whose tests only read it."""
    with kept_for_a_module(django_db_blocker, load_demo):
        yield

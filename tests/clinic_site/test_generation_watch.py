"""With Redis, every worker hears of a content change within moments, and never trusts a stale copy.

Each watcher below stands for one gunicorn worker; they share one Redis, as the
workers of a real site do (Redis runs on this machine and in CI).
"""

import os
import time
import uuid

import pytest

from clinic_site.cache import RedisCache, delete_prefixed_keys
from clinic_site.generation_watch import GenerationWatcher

KEY = "page-cache:generation"


@pytest.fixture
def redis_cache():
    cache = RedisCache(
        os.environ.get("REDIS_URL") or os.environ.get("CI_REDIS_URL", "redis://127.0.0.1:6379/0"),
        {"KEY_PREFIX": f"watch-test-{uuid.uuid4().hex}"},
    )
    yield cache
    delete_prefixed_keys(cache._cache.get_client(write=True), cache.key_prefix)


@pytest.fixture
def workers(redis_cache):
    """Make watchers (workers) on the test's Redis; their threads stop after the test."""
    made = []

    def make():
        made.append(GenerationWatcher(redis_cache, KEY))
        return made[-1]

    yield make
    for watcher in made:
        watcher.stop()


def wait_for(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_change_made_by_one_worker_reaches_the_others(redis_cache, workers):
    one, other = workers(), workers()
    one.announce(1000)
    assert wait_for(lambda: one.value == "1000" and other.value == "1000")

    one.announce(2000)

    assert wait_for(lambda: other.value == "2000", seconds=1)
    assert wait_for(lambda: one.value == "2000", seconds=1)
    assert redis_cache.get(KEY) == 2000


def test_the_worker_that_made_a_change_never_reads_the_old_generation(workers):
    watcher, other = workers(), workers()
    other.announce(1)
    assert wait_for(lambda: watcher.value == "1")

    for generation in range(2, 40):
        other.announce(generation * 1000)  # changes from another worker in between
        watcher.announce(generation)
        # Until its own announcement comes back it is unsure (None: ask Redis).
        assert watcher.value in (None, str(generation))

    assert wait_for(lambda: watcher.value == "39")


def test_a_worker_that_lost_its_channel_is_unsure_until_it_listens_again(redis_cache, workers):
    watcher = workers()
    watcher.announce(5)
    assert wait_for(lambda: watcher.value == "5")
    client = redis_cache._cache.get_client(write=True)

    client.client_kill_filter(_type="pubsub")  # a dropped connection, a Redis restart...
    assert wait_for(lambda: watcher.value is None, seconds=2)
    client.set(watcher.key, 6)  # changed while it was not listening

    assert wait_for(lambda: watcher.value == "6")


def test_a_worker_that_hears_nothing_for_a_while_stops_trusting_its_copy(workers):
    watcher = workers()
    watcher.announce(7)
    assert wait_for(lambda: watcher.value == "7")

    watcher.alive_at -= watcher.trust_seconds + 1  # as if the listener had hung

    assert watcher.value is None


def test_a_quiet_channel_stays_trusted_because_redis_answers_its_pings(workers):
    watcher = workers()
    watcher.announce(8)
    assert wait_for(lambda: watcher.value == "8")
    heard_at = watcher.alive_at

    # Nothing is announced for a while; only the pings keep the channel alive.
    assert wait_for(lambda: watcher.alive_at > heard_at + 1, seconds=4)
    assert watcher.value == "8"

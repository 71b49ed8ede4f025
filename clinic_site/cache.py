"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's backend builds a new ``redis.Redis`` object for every cache operation.
Building one sets up hundreds of response handlers, and that cost more than the
round trip to Redis itself: about a tenth of a millisecond per call, and a page
makes several calls. A client is safe to share between threads (each command
borrows a connection from the pool), so each pool gets one, made once.
"""

from django.core.cache.backends import redis


class ReusingRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


def delete_prefixed_keys(client, prefix):
    """Remove every key that starts with ``prefix:`` (one site, test run or benchmark
    on a shared Redis), leaving everyone else's alone. ``client`` is a redis.Redis."""
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    return len(keys)

"""Each worker's copy of the page-cache generation, kept current through Redis pub/sub.

With Redis, asking for the generation on every request costs a round trip: as
much as serving the cached page from the worker's memory. Instead, every change
of generation is announced on a Redis channel, and one thread in each worker
listens and keeps the latest value.

- A change is seen by the other workers within a few milliseconds (the time the
  listening thread needs to wake up), not seconds; the worker that made the
  change sees it at once.
- Whenever the worker is not sure it is up to date (at start, after losing the
  connection, or just after it made a change of its own and before the
  announcement came back), it asks Redis on every request, as before.
- The listener pings Redis on its channel after each quiet second; after three
  seconds without an answer the worker stops trusting its copy, so a connection
  that died without a word cannot leave it behind. Every few seconds it also
  reads the value from Redis directly.
"""

import logging
import os
import threading
import time

logger = logging.getLogger(__name__)


class GenerationWatcher:
    """Listens for generation changes in one Redis cache; ``value`` is None when unsure."""

    # How often the listener also reads the generation directly, and how long
    # without a word on the channel (it pings after each quiet second) before the
    # worker stops trusting its copy.
    refresh_seconds = 5
    trust_seconds = 3

    def __init__(self, cache, key):
        self.cache = cache
        self.key = cache.make_and_validate_key(key)
        self.channel = self.key
        self.lock = threading.Lock()
        # Held while this worker announces a change or reads the value directly,
        # so a direct read never misses a change this worker is making.
        self.writing = threading.Lock()
        self.pid = None
        self._value = None
        self.alive_at = 0.0
        # Changes this worker announced and has not heard back yet.
        self.own_changes = []
        self.stopping = threading.Event()

    # --- Used by the requests ----------------------------------------------------

    @property
    def value(self):
        if self.pid != os.getpid():
            self.start()
            return None
        if time.monotonic() - self.alive_at > self.trust_seconds:
            return None
        return self._value

    def announce(self, generation):
        """Set a new generation and tell every worker, in one step."""
        generation = str(generation)
        with self.writing:
            with self.lock:
                self.own_changes.append(generation)
                self._value = None  # unsure until the announcement comes back
            with self.client().pipeline(transaction=True) as pipe:
                pipe.set(self.key, generation)
                pipe.publish(self.channel, generation)
                pipe.execute()

    # --- The listening thread ----------------------------------------------------

    def client(self):
        return self.cache._cache.get_client(write=True)

    def start(self):
        with self.lock:
            if self.pid == os.getpid():
                return
            # A new process (a forked worker) starts afresh, with a thread of its own.
            self.pid = os.getpid()
            self._value = None
            self.own_changes = []
            threading.Thread(target=self.run, name="page-cache-generation", daemon=True).start()

    def stop(self):
        self.stopping.set()

    def run(self):
        while not self.stopping.is_set():
            try:
                self.listen()
            except Exception as error:  # the thread must outlive any failure
                logger.warning("Page cache: lost the generation channel (%s); retrying.", error)
            with self.lock:
                self._value = None
            self.stopping.wait(1)

    def listen(self):
        pubsub = self.client().pubsub()
        try:
            pubsub.subscribe(self.channel)
            subscribed = False
            read_at = 0.0
            while not self.stopping.is_set():
                message = pubsub.get_message(timeout=1.0)
                now = time.monotonic()
                if message is None:
                    # A quiet second: ask Redis for a sign of life on this very
                    # connection, so one that died without a word is noticed.
                    pubsub.ping()
                else:
                    self.alive_at = now  # Redis answered on the channel
                if message is not None and message["type"] == "message":
                    self.heard(message["data"].decode())
                    continue  # take every waiting announcement before reading directly
                if message is not None and message["type"] == "subscribe":
                    # Read only once subscribed: any later change is then heard.
                    subscribed = True
                elif not subscribed or now - read_at < self.refresh_seconds:
                    continue
                self.read_directly()
                read_at = now
        finally:
            pubsub.close()

    def read_directly(self):
        with self.writing:
            stored = self.client().get(self.key)
            with self.lock:
                self.own_changes = []
                self._value = None if stored is None else stored.decode()

    def heard(self, generation):
        with self.lock:
            if self.own_changes:
                # Announcements come in order: until this worker's own comes back,
                # any other is older than the value this worker already set.
                if generation in self.own_changes:
                    del self.own_changes[: self.own_changes.index(generation) + 1]
                if self.own_changes:
                    return
            self._value = generation

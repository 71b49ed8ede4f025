"""Stored pages, and the copies each worker keeps in its own memory."""

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import brotli

# Headers that are set again for every response rather than stored.
NOT_STORED = {"set-cookie", "vary", "cache-control", "etag", "content-encoding", "content-length"}
COMPRESS_MIN_BYTES = 1024


@dataclass(frozen=True)
class StoredPage:
    """One anonymous page: the same bytes for every visitor, compressed once."""

    headers: tuple
    content: bytes
    gzip: bytes | None
    br: bytes | None
    etag: str
    valid_until: float

    @classmethod
    def from_response(cls, response, valid_until):
        content = response.content
        big = len(content) >= COMPRESS_MIN_BYTES
        return cls(
            headers=tuple((k, v) for k, v in response.items() if k.lower() not in NOT_STORED),
            content=content,
            gzip=gzip.compress(content, compresslevel=6, mtime=0) if big else None,
            # Quality 5: nearly the size of the best setting at a fraction of the time.
            br=brotli.compress(content, quality=5) if big else None,
            etag=hashlib.md5(content, usedforsecurity=False).hexdigest(),
            valid_until=valid_until,
        )

    def body(self, encoding):
        """The content in the encoding asked for ("br", "gzip" or None), and its name."""
        if encoding == "br" and self.br is not None:
            return self.br, "br"
        if encoding in ("br", "gzip") and self.gzip is not None:
            return self.gzip, "gzip"
        return self.content, None


class WorkerCopies:
    """The pages a worker used last, in its own memory, least recently used dropped first.

    A hit then costs no trip to the shared cache and no unpickling. Keys include
    the generation, so a content change makes these copies unreachable at once.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()

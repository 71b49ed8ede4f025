"""Gzip a page once, leaving gaps for values that change with each visitor.

A cached article holds each visitor's own CSRF token and comment-form token.
Compressing the whole page for each visitor would cost more than serving it,
and a secret must never share a compressed stream with other text (BREACH).
So the fixed text between the gaps is compressed once, each piece on its own,
and each visitor's values are put between the pieces as stored (uncompressed)
deflate blocks. The result is one ordinary gzip stream (RFC 1951 and 1952) that
every browser reads, in which no secret is ever compressed.
"""

import struct
import zlib

# Magic, deflate, no flags, no modification time, no extra flags, unknown OS.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
STORED_BLOCK_MAX = 0xFFFF


def compress_around(pieces, level=6):
    """Each fixed piece as ``(raw, deflated)``; every piece but the last ends on a
    byte boundary without ending the stream, so a stored block can follow it."""
    last = len(pieces) - 1
    compressed = []
    for index, raw in enumerate(pieces):
        # A compressor of its own: no piece refers back to text in another one.
        compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
        deflated = compressor.compress(raw)
        deflated += compressor.flush(zlib.Z_FINISH if index == last else zlib.Z_SYNC_FLUSH)
        compressed.append((raw, deflated))
    return compressed


def fill_in(compressed, values):
    """The gzip stream of the pieces with ``values[i]`` between piece i and piece i + 1."""
    if len(values) != len(compressed) - 1:
        raise ValueError(f"{len(compressed) - 1} gaps, {len(values)} values")
    body = [HEADER]
    crc = 0
    size = 0
    for index, (raw, deflated) in enumerate(compressed):
        if index:
            value = values[index - 1]
            body.extend(stored_blocks(value))
            crc = zlib.crc32(value, crc)
            size += len(value)
        body.append(deflated)
        crc = zlib.crc32(raw, crc)
        size += len(raw)
    body.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(body)


def stored_blocks(value):
    """``value`` as uncompressed deflate blocks (not final), at most 65,535 bytes each."""
    for start in range(0, len(value), STORED_BLOCK_MAX):
        chunk = value[start : start + STORED_BLOCK_MAX]
        yield b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF)
        yield chunk

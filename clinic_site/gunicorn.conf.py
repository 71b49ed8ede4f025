"""Gunicorn settings for the clinic site.

Run: gunicorn -c clinic_site/gunicorn.conf.py clinic_site.wsgi

Every value can be changed from the environment without editing this file.
"""

import multiprocessing
import os
import socket

from gunicorn.glogging import Logger

# Behind a reverse proxy, keep 127.0.0.1; set GUNICORN_BIND=0.0.0.0:8000 to listen openly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Page rendering is CPU work, so the classic two workers per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threaded workers: a slow or stalled client holds one thread, not a whole worker,
# and gunicorn waits for a new connection's first bytes without holding any. The
# body is then read with a time limit (GUNICORN_READ_TIMEOUT, clinic_site/wsgi.py),
# so a handful of stalled uploads cannot use up every thread. A worker takes new
# connections even while its threads are busy, and the kernel may hand one worker
# all of them, so each worker has enough threads for a handful on its own. Each
# thread keeps its own database connection: on PostgreSQL keep workers x threads
# below the server's max_connections (5 x 8 = 40 of the default 100).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))

# Each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads
# new connections across them. With one shared socket the worker that last went
# back to waiting is woken first, so it takes connection after connection: a
# proxy's or a load test's 16 keep-alive connections often all landed on one
# worker, which then did all the work on one processor while the other sat idle
# (1,100 instead of 3,000 cached pages a second, in some runs and not others).
# Two things to know: another gunicorn started by the same user on the same port
# shares the traffic instead of failing to start, and connections still waiting
# in a worker's queue when it exits are dropped unless the kernel hands them on
# (sysctl net.ipv4.tcp_migrate_req=1). GUNICORN_REUSE_PORT=0 goes back to one
# shared socket.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") != "0"


def on_starting(server):
    """Stop at once if another program holds the address.

    With a socket per worker the master binds nothing itself, so a port taken by
    another program would only make each worker fail to start, again and again,
    while gunicorn kept running. Check before any worker starts instead.
    """
    if not server.cfg.reuse_port:
        return
    for address in server.cfg.address:
        if not isinstance(address, tuple):
            continue  # a Unix socket: gunicorn reports a clash itself
        host, port = address
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            try:
                probe.bind(address)
            except OSError as error:
                server.log.error("Cannot listen on %s:%s: %s", host, port, error.strerror)
                raise SystemExit(1) from error


# Each worker tells the master it is alive by touching a file, many times a second.
# On a disk-backed /tmp that touch can wait on the filesystem's journal, and the
# worker waits with it (gunicorn's documentation warns of exactly this), so the
# file goes in memory (/dev/shm) where there is one.
# GUNICORN_WORKER_TMP_DIR chooses another folder.
# gunicorn makes the file with mkstemp (a random name) and unlinks it at once.
MEMORY_DIR = "/dev/shm"  # noqa: S108
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (
    MEMORY_DIR if os.path.isdir(MEMORY_DIR) else None
)

# A request that takes longer than this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On restart, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Workers are not recycled by default: a fresh worker starts with an empty page
# cache and spends a second loading the site, which under heavy traffic would
# happen every few seconds. If memory grows, set GUNICORN_MAX_REQUESTS (for
# example 100000); workers then restart a little apart, never all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# The proxy that may set X-Forwarded-* headers (SECURE_PROXY_SSL_HEADER in Django).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access and error logs go to standard output, the access log as JSON lines like
# the site's own log, with the same request id.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class JSONLogger(Logger):
    """Gunicorn's own messages and the access log as JSON lines, like the site's log."""

    def setup(self, cfg):
        super().setup(cfg)
        from clinic_site.log import JSONFormatter

        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JSONFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        fields = {
            "request_id": atoms.get("{x-request-id}o", "-"),
            "remote": atoms["h"],
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": atoms["s"],
            "bytes": atoms["B"],
            "duration_ms": atoms["M"],
            "user_agent": atoms["a"],
        }
        message = f"{atoms['m']} {atoms['U']} {atoms['s']}"
        self.access_log.info(message, extra={"fields": fields})


logger_class = JSONLogger

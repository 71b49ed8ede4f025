"""gunicorn with the production settings shares the connections out between its workers.

With one shared listening socket the worker that last went back to waiting is
woken first, so a proxy's keep-alive connections could all land on one worker,
which then did all the work on one processor. Each worker now listens on a
socket of its own and the kernel spreads connections across them.
"""

import http.client
import os
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import BASE_DIR, gunicorn, gunicorn_command, prepare_site, production_env

ESTABLISHED = "01"
LISTEN = "0A"


def sockets(port, state):
    """The inodes of TCP sockets whose local end is `port`, in `state` (/proc/net/tcp)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == state:
            inodes.add(fields[9])
    return inodes


def owners(inodes):
    """The processes holding those sockets, with how many each holds."""
    held = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue  # the process ended, or is not ours to read
        count = sum(
            link[len("socket:[") : -1] in inodes for link in links if link.startswith("socket:[")
        )
        if count:
            held[int(pid)] = count
    return held


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = production_env(tmp_path_factory.mktemp("gunicorn"))
    prepare_site(env)
    with gunicorn(env, workers=2) as url:
        yield urlsplit(url)


def test_sixteen_keep_alive_connections_are_served_by_both_workers(server):
    connections = [
        http.client.HTTPConnection(server.hostname, server.port, timeout=10) for _ in range(16)
    ]
    try:
        for connection in connections:
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            assert response.getheader("Connection", "").lower() != "close"

        held = owners(sockets(server.port, ESTABLISHED))
    finally:
        for connection in connections:
            connection.close()

    # All 16 on one worker by chance: about one run in 30,000.
    assert sum(held.values()) == 16
    assert len(held) == 2, f"connections per worker process: {held}"


def test_each_worker_keeps_its_heartbeat_file_in_memory_not_on_disk(server):
    # With a socket per worker, the processes listening on the port are the workers.
    workers = set(owners(sockets(server.port, LISTEN)))

    assert len(workers) == 2
    for pid in workers:
        files = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        heartbeat = [name for name in files if "wgunicorn-" in name]
        assert heartbeat, f"no heartbeat file among {files}"
        assert all(name.startswith("/dev/shm/") for name in heartbeat), heartbeat


def test_a_port_another_program_holds_stops_gunicorn_at_once_with_the_reason(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            gunicorn_command(port),
            cwd=BASE_DIR,
            env=production_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert result.returncode != 0
    assert f"Cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr

"""Requests in one gunicorn worker take turns for the processor (clinic_site/wsgi.py)."""

import io
import threading
import time

from clinic_site.wsgi import FairGate, take_turns


def test_requests_take_their_turn_in_the_order_they_arrived_one_at_a_time():
    gate = FairGate(1)
    order, running, most = [], [0], [0]
    lock = threading.Lock()

    def request(number):
        with gate:
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            order.append(number)
            time.sleep(0.01)
            with lock:
                running[0] -= 1

    gate.__enter__()  # a request already has the turn: the others queue behind it
    threads = []
    for number in range(6):
        thread = threading.Thread(target=request, args=(number,))
        thread.start()
        threads.append(thread)
        time.sleep(0.02)  # each arrives after the one before it is waiting
    gate.__exit__(None, None, None)
    for thread in threads:
        thread.join(5)

    assert order == list(range(6))
    assert most[0] == 1


def test_the_body_is_read_before_the_turn_and_handed_to_the_app_whole():
    seen = {}

    def app(environ, start_response):
        seen["body"] = environ["wsgi.input"].read()
        return [b"ok"]

    wrapped = take_turns(app, 1, max_body=100)
    body = b"name=Jamie&body=Hello"
    environ = {
        "gunicorn.socket": object(),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    assert wrapped(environ, None) == [b"ok"]
    assert seen["body"] == body


def test_a_body_that_stops_arriving_reaches_the_app_as_the_same_error():
    class Stalled(io.RawIOBase):
        def read(self, *args):
            raise TimeoutError("timed out")

    def app(environ, start_response):
        try:
            environ["wsgi.input"].read(10)
        except OSError as error:
            return [type(error).__name__.encode()]
        return [b"read"]

    wrapped = take_turns(app, 1, max_body=100)
    environ = {"gunicorn.socket": object(), "CONTENT_LENGTH": "10", "wsgi.input": Stalled()}
    assert wrapped(environ, None) == [b"TimeoutError"]

"""make lighthouse keeps measuring when one Lighthouse run fails to record its trace."""

from io import StringIO

import pytest
from django.core.management.base import CommandError

from clinic_site.management.commands.lighthouse import (
    CATEGORIES,
    PAGES,
    Command,
    LighthouseRunFailed,
)

NO_NAVSTART = (
    "Runtime error encountered: Something went wrong with recording the trace "
    "over your page load. Please run Lighthouse again. (NO_NAVSTART)"
)
EMPTY_REPORT = {"categories": {"performance": {"auditRefs": []}}, "audits": {}}


def lighthouse(outcomes):
    """A command whose runs give these outcomes in turn: a performance score or an error."""
    command = Command(stdout=StringIO())
    queue = list(outcomes)

    def run_once(url, chromium):
        outcome = queue.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return {c: (outcome if c == "performance" else 100) for c in CATEGORIES}, EMPTY_REPORT

    command.run_once = run_once
    return command


def test_a_run_that_fails_is_reported_and_the_page_scored_on_the_other_runs():
    pages = len(PAGES)
    command = lighthouse(
        [LighthouseRunFailed(NO_NAVSTART), 100, 99] + [100, 100, 100] * (pages - 1)
    )

    failed = command.measure("http://127.0.0.1:1", "/usr/bin/chromium", runs=3)

    output = command.stdout.getvalue()
    assert failed == []
    assert "1 of 3 runs failed: Runtime error encountered" in output
    assert "(NO_NAVSTART)" in output
    first_page = next(iter(PAGES))
    assert any(
        line.startswith(first_page) and line.split()[1] == "100" for line in output.splitlines()
    )


def test_a_page_whose_every_run_fails_stops_with_lighthouse_s_message():
    command = lighthouse([LighthouseRunFailed(NO_NAVSTART)] * 3)

    with pytest.raises(CommandError, match=r"(?s)every run of http://127\.0\.0\.1:1/.*NO_NAVSTART"):
        command.measure("http://127.0.0.1:1", "/usr/bin/chromium", runs=3)


def test_a_score_below_100_is_still_a_failure():
    pages = len(PAGES)
    command = lighthouse([99, 98, 97] + [100, 100, 100] * (pages - 1))

    failed = command.measure("http://127.0.0.1:1", "/usr/bin/chromium", runs=3)

    assert failed == [f"{next(iter(PAGES))} performance 99"]

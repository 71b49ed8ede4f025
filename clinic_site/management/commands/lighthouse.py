"""make lighthouse: Lighthouse's mobile scores for the pages patients open most.

It starts the production set-up as `make bench` does (gunicorn, production
settings, the demo content in a throwaway SQLite file), then runs Lighthouse
(from the npm registry, in Debian's Chromium) with its mobile defaults on each
page and prints the four category scores. Lighthouse emulates a mid-range phone
on a slow 4G network and a slowed-down CPU, so a machine busy with other work
gives lower performance scores: run it on a quiet machine.
"""

# Every command and URL below is built here from fixed parts, never from input.
# ruff: noqa: S603

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from .bench import Command as Bench
from .bench import free_port

PAGES = {
    "home": "/",
    "article": "/articles/what-is-ims/",
    "FAQ": "/faq/",
    "aftercare": "/aftercare/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@13.5.0").split()
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


class LighthouseRunFailed(Exception):
    """One Lighthouse run ended without a report."""


class Command(BaseCommand):
    help = "Lighthouse mobile scores (performance, accessibility, ...) of the main pages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=3, help="Runs per page; the best counts.")

    def handle(self, *args, runs, **options):
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        if not Path(chromium).exists():
            raise CommandError("Chromium is missing: run `make browser`.")
        bench = Bench(stdout=self.stdout, stderr=self.stderr)
        bench.workers = 2
        bench.workdir = Path(tempfile.mkdtemp(prefix="clinic-lighthouse-"))
        env = bench.environment({"SQLITE_PATH": str(bench.workdir / "site.sqlite3")})
        try:
            bench.manage(env, "migrate", "--no-input")
            bench.manage(env, "load_demo_content")
            bench.manage(env, "collectstatic", "--no-input", "--verbosity", "0")
            port = free_port()
            server = bench.start_gunicorn(env, port)
            try:
                failed = self.measure(f"http://127.0.0.1:{port}", chromium, runs)
            finally:
                server.terminate()
                server.wait(timeout=30)
        finally:
            shutil.rmtree(bench.workdir, ignore_errors=True)
        if failed:
            raise CommandError("Below 100: " + ", ".join(failed))
        self.stdout.write(self.style.SUCCESS("Every page scores 100 in every category."))

    def measure(self, base, chromium, runs):
        header = f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES)
        self.stdout.write(f"Lighthouse, mobile, best of {runs} runs\n{header}\n{'-' * len(header)}")
        failed = []
        for name, path in PAGES.items():
            best = dict.fromkeys(CATEGORIES, 0)
            lost, errors = [], []
            for _ in range(runs):
                try:
                    scores, report = self.run_once(base + path, chromium)
                except LighthouseRunFailed as error:
                    # Lighthouse sometimes fails to record the page load's trace
                    # (NO_NAVSTART and the like): that run is lost, not the page.
                    errors.append(str(error))
                    continue
                if scores["performance"] >= best["performance"]:
                    lost = points_lost(report)
                for category, score in scores.items():
                    best[category] = max(best[category], score)
            if len(errors) == runs:
                raise CommandError(
                    f"Lighthouse failed on every run of {base + path}:\n{errors[-1]}"
                )
            self.stdout.write(f"{name:<12}" + "".join(f"{best[c]:>16}" for c in CATEGORIES))
            if errors:
                self.stdout.write(
                    f"    {len(errors)} of {runs} runs failed: {errors[-1].splitlines()[0]}"
                )
            if best["performance"] < 100:
                self.stdout.write("    performance lost on: " + ", ".join(lost))
            failed += [f"{name} {c} {best[c]}" for c in CATEGORIES if best[c] < 100]
        return failed

    @staticmethod
    def run_once(url, chromium):
        result = subprocess.run(
            [
                *LIGHTHOUSE,
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--chrome-flags={CHROMIUM_FLAGS}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            lines = [line for line in result.stderr.splitlines() if "Runtime error" in line]
            raise LighthouseRunFailed("\n".join(lines) or result.stderr[-2000:])
        report = json.loads(result.stdout)
        return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}, report


def points_lost(report):
    """The performance measurements below a full score, with their values."""
    audits = report["audits"]
    lost = []
    for ref in report["categories"]["performance"]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            lost.append(
                f"{audit['title']} ({audit.get('displayValue', '')}, score {audit['score']})"
            )
    return lost

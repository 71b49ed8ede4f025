import json

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clinic_site.page_cache.generation import bump


class Command(BaseCommand):
    help = (
        "Count the SQL queries each page runs with a cold cache, as an anonymous visitor "
        "(the render that fills the page cache) and as a visitor with a session cookie "
        "(who is never served from the cache)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Paths such as / or /faq/")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print JSON for the benchmark."
        )

    def handle(self, *args, paths, as_json=False, **options):
        host = (settings.ALLOWED_HOSTS or ["localhost"])[0]
        results = {}
        for path in paths:
            counts = {}
            for kind, cookies in (("anonymous", {}), ("with session", {"sessionid": "x"})):
                bump()  # a cold page cache
                client = Client(HTTP_HOST=host)
                client.cookies.load(cookies)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                counts[kind] = {"queries": len(queries), "status": response.status_code}
            results[path] = counts
        if as_json:
            self.stdout.write(json.dumps(results))
            return
        for path, counts in results.items():
            line = ", ".join(
                f"{kind}: {c['queries']} (HTTP {c['status']})" for kind, c in counts.items()
            )
            self.stdout.write(f"{path}  {line}")

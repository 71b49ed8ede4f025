"""{% cached_fragment "name" %}...{% endcached_fragment %}: part of a page rendered once per change.

Visitors the page cache does not serve (staff, anyone with a session) still get
a page rendered for them, but its costly, same-for-everyone parts (the comment
thread under an article: twenty comments and the form) are kept in the cache
under the content generation, so any change shows at once. The key is the
fragment's name, the signed-in user if any, and the full address, query string
included. Each visitor gets
their own CSRF token and per-visit form values put back, exactly as on cached
pages. Only GET requests use it: a form sent back with errors is rendered afresh.
"""

import hashlib
import time

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from clinic_site.page_cache import (
    WorkerCopies,
    current_generation,
    keep_until,
    page_cache,
    put_in_visit_values,
    take_out_visit_values,
)

register = template.Library()

# The fragments this worker rendered or fetched last, as for whole pages.
WORKER_COPIES = WorkerCopies(500)


@register.tag
def cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]))


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        if request is None or request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
            return self.nodelist.render(context)
        # Signed-in staff may see their own links in it (a moderator's "Reply as
        # the clinic"), so each of them has their own copy.
        user = getattr(request, "user", None)
        viewer = f"user-{user.pk}" if user is not None and user.is_authenticated else "anyone"
        address = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False)
        generation = current_generation()
        key = f"fragment:{generation}:{self.name.resolve(context)}:{viewer}:{address.hexdigest()}"
        entry = WORKER_COPIES.fetch(key)
        if entry is None or time.time() >= entry["valid_until"]:
            rendered = self.nodelist.render(context)
            content, fresh, _ = take_out_visit_values(rendered.encode())
            entry = {
                "content": content,
                "fresh": fresh,
                "valid_until": keep_until(generation),
            }
            page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            WORKER_COPIES.put(key, entry)
            return rendered
        return mark_safe(put_in_visit_values(request, entry["content"], entry["fresh"]).decode())  # noqa: S308 - our own rendered template output

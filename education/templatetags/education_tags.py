from django import template

register = template.Library()


@register.filter
def is_current(request, url):
    """True when ``url`` is the page being shown, or the section it belongs to."""
    path = request.path
    if url == "/":
        return path == "/"
    return path == url or path.startswith(url)

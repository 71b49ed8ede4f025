"""Reading the "we could not take what you sent" page the way a browser would."""

from html.parser import HTMLParser

# What the comment form's "Send again" holds: the patient's own fields, the consent
# box and tokens made anew. Never the honeypot, the reply-to id or anything else.
COMMENT_RESCUE_FIELDS = {
    "csrfmiddlewaretoken",
    "form_token",
    "name",
    "email",
    "website",
    "body",
    "consent",
}


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}, "types": {}})
        elif not self.forms:
            return
        elif tag == "input" and "name" in attrs:
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")
            self.forms[-1]["types"][attrs["name"]] = attrs.get("type", "text")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.forms[-1]["fields"][self._textarea] = ""
            self.forms[-1]["types"][self._textarea] = "textarea"

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def page_forms(page):
    """Every form on the page: its action, its fields' values as sent, their types."""
    reader = _FormReader()
    reader.feed(page)
    return reader.forms


def rescue_form(page):
    """The one "Send again" form of a problem page, or None when it has none."""
    forms = [form for form in page_forms(page) if "csrfmiddlewaretoken" in form["fields"]]
    return forms[0] if forms else None


def send_again(form):
    """What the browser sends when the patient ticks the consent box again and presses Send."""
    data = dict(form["fields"])
    data.update({name: "on" for name, kind in form["types"].items() if kind == "checkbox"})
    return data

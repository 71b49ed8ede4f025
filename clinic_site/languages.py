"""The language of a page comes from its address, and nothing else.

English, the source language, lives at ``/``; every other language under its own
prefix (``/fr/``, ``/zh-hans/``...; ``i18n_patterns`` in ``clinic_site/urls.py``).
A cached page is the same bytes for everyone, so neither a language cookie nor the
browser's ``Accept-Language`` may change what an address shows: the first-visit
suggestion (``static/js/languages.js``) reads the browser's languages in the
browser and only ever offers a link.
"""

import functools
import re

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

# Names for og:locale (Open Graph wants language_TERRITORY) and schema.org's
# inLanguage (a BCP 47 tag) where they differ from the code in the address.
OG_LOCALES = {"en": "en_CA", "fr": "fr_CA", "zh-hans": "zh_CN", "zh-hant": "zh_TW", "pa": "pa_IN"}
BCP47 = {"en": "en-CA", "fr": "fr-CA", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "pa": "pa"}
# <html lang>: the script subtags are what browsers use to choose Chinese glyphs.
HTML_LANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def codes():
    return [code for code, _name in settings.LANGUAGES]


def default_language():
    return settings.LANGUAGE_CODE


def language_from_path(path):
    """The language a public address is in: its prefix, or English without one."""
    language = translation.get_language_from_path(path)
    return language or default_language()


def _prefix_pattern():
    default = default_language()
    return _compiled_prefix(tuple(code for code in codes() if code != default))


@functools.lru_cache(maxsize=8)
def _compiled_prefix(others):
    """Built once per set of languages: a page asks about a dozen times."""
    return re.compile(rf"^/({'|'.join(map(re.escape, others))})(?=[/?]|$)")


def unprefixed(path):
    """``/fr/safety/`` -> ``/safety/``: the English address of the same page."""
    return _prefix_pattern().sub("", path, count=1) or "/"


def path_in(path, language):
    """The same page's address in ``language`` (slugs are the same in every language)."""
    english = unprefixed(path)
    if language == default_language():
        return english
    return f"/{language}{english}"


def html_lang(language):
    return HTML_LANG.get(language, language)


def og_locale(language):
    return OG_LOCALES.get(language, language.replace("-", "_"))


def bcp47(language):
    return BCP47.get(language, language)


class URLLanguageMiddleware:
    """Turns on the language of the address: the prefix, or English without one.

    Django's LocaleMiddleware would also look at the cookie and Accept-Language
    outside the language-prefixed addresses and add ``Vary: Accept-Language`` to
    every English page, which would keep them out of every cache. Here an address
    always means one language, so pages vary on nothing but the address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # For this request only: the thread's language is put back afterwards.
        with translation.override(language_from_path(request.path_info)):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", html_lang(request.LANGUAGE_CODE))
        return response


def languages(request):
    """The language switcher's links, for every template: each language named in its
    own script, pointing at the same page (with its query) in that language."""
    current = translation.get_language()
    full_path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "lang": html_lang(code),
                "name": name,
                "url": path_in(full_path, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
        "html_lang": html_lang(current),
    }


def language_offer(request):
    """The first-visit suggestion's words, in the language of the address
    (/fr/language-offer.json is French): the same for everyone, so any cache may
    keep it. Fetched only by a browser whose languages differ from the page's."""
    response = JsonResponse(
        {"offer": gettext("Read this page in English"), "dismiss": gettext("No, thanks")}
    )
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response

"""Sessions kept in the database and read through the cache (Redis), ending on the site's clock.

Django's cached_db sessions trust the cache to forget a session when it expires,
which it does by the cache server's own clock. This store keeps the expiry date
beside the data and checks it on every read, so a staff session ends exactly
after SESSION_COOKIE_AGE whatever the cache server thinks the time is.
"""

from django.contrib.sessions.backends import cached_db
from django.utils import timezone


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "clinic_site.sessions"

    def load(self):
        try:
            cached = self._cache.get(self.cache_key)
        except Exception:  # an invalid key: start a fresh session, as Django does
            cached = None
        if isinstance(cached, tuple):
            data, expires = cached
            if expires > timezone.now():
                return data
            self._cache.delete(self.cache_key)
        session = self._get_session_from_db()  # filters out expired sessions itself
        if session is None:
            return {}
        data = self.decode(session.session_data)
        self._cache.set(
            self.cache_key,
            (data, session.expire_date),
            self.get_expiry_age(expiry=session.expire_date),
        )
        return data

    def save(self, must_create=False):
        cached_db.DBStore.save(self, must_create)
        try:
            self._cache.set(
                self.cache_key,
                (self._session, self.get_expiry_date()),
                self.get_expiry_age(),
            )
        except Exception:
            cached_db.logger.exception("Error saving to cache (%s)", self._cache)

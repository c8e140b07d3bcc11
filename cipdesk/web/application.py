"""The Flask application class of cipdesk: Flask, with the URLs it builds remembered
(and which of its functions are plain, not coroutines).

Every page builds dozens of URLs (`url_for`: the menu, the footer, the static files, the
links of each row), and building one walks werkzeug's rules each time. The URL of an
endpoint with given values never changes while the process runs (the rules are all
registered before the first request), so a URL built once in a request is remembered
for the next ones. Only what is certain to give the same text is remembered: inside a
request, not external, values of plain types (an equal value of another type, a
`datetime` in another time zone, a float or a Decimal could print otherwise) and no
`url_defaults` function (none is registered; one would make the URL depend on the request);
an endpoint relative to the request's blueprint (« .x ») is left to Flask.
"""
from __future__ import annotations

import datetime
import uuid

from flask import Flask
from flask.globals import _cv_request

# Exact types whose equal values always give the same URL text (`type(v) in`, not isinstance:
# a datetime is a date, a StrEnum is a str).
TYPES_SURS = frozenset({str, int, bool, uuid.UUID, datetime.date, type(None)})
TAILLE_MAX = 20_000  # remembered URLs; beyond, start again (a few MB at most)


class Application(Flask):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._adresses: dict[tuple, str] = {}
        self._synchrones: set = set()

    def ensure_sync(self, func):
        # Flask asks `inspect` whether each hook and view is a coroutine, on every request:
        # the answer does not change, remember the plain functions (a bounded set: the hooks).
        if func in self._synchrones:
            return func
        rendue = super().ensure_sync(func)
        if rendue is func and len(self._synchrones) < 1000:
            self._synchrones.add(func)
        return rendue

    def url_for(self, /, endpoint: str, *, _anchor: str | None = None, _method: str | None = None,
                _scheme: str | None = None, _external: bool | None = None, **values) -> str:
        req_ctx = _cv_request.get(None)
        if req_ctx is None or _scheme is not None or _external or req_ctx.url_adapter is None \
                or endpoint[:1] == "." or self.url_default_functions:
            return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme,
                                   _external=_external, **values)
        if values:
            for v in values.values():
                if type(v) not in TYPES_SURS:
                    return super().url_for(endpoint, _anchor=_anchor, _method=_method, **values)
            # The keys are unique, so sorting never compares the values; the type is part of
            # the key because True == 1 but prints « True ».
            cle = (endpoint, req_ctx.url_adapter.script_name, _anchor, _method,
                   tuple(sorted([(k, type(v), v) for k, v in values.items()])))
        else:
            cle = (endpoint, req_ctx.url_adapter.script_name, _anchor, _method)
        adresse = self._adresses.get(cle)
        if adresse is None:
            adresse = super().url_for(endpoint, _anchor=_anchor, _method=_method, **values)
            if len(self._adresses) >= TAILLE_MAX:
                self._adresses.clear()
            self._adresses[cle] = adresse
        return adresse

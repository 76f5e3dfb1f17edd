"""Every limit the fake puts on a request, in one place; fake/README.md ("Limits") lists what each answers.

The specs' own bounds (maxLength, maxItems...) are checked from the spec files; these are the fake's,
for input no schema bounds, so that no request can make it hang, crash or answer 500.
"""

from __future__ import annotations

from typing import Any

MAX_BODY = 1024 * 1024  # bytes of a request body: 400
MAX_DEPTH = 32  # nested arrays and objects in a body (the specs' deepest request is 6): 400
MAX_NUMBER_DIGITS = 64  # digits of one number literal in a body: 400
MAX_PATH = 8 * 1024  # bytes of the raw URL path: 414
# Bytes of the request line plus headers that reach the app; the server layer (h11) answers a longer
# head itself, in plain text, before the app can.
MAX_REQUEST_HEAD = 1024 * 1024
# Options for uvicorn wherever the fake is served, so the app, not h11, answers long URLs.
UVICORN_OPTIONS: dict[str, Any] = {"http": "h11", "h11_max_incomplete_event_size": MAX_REQUEST_HEAD}

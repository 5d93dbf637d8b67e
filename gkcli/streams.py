"""Standard output whatever its encoding: a GBK (cp936) console or file on Windows, a full disk.

Text the console cannot encode falls back to a look-alike it can (░ → □, ✔ → √), else ``?``:
never a traceback. Files in a data format (CSV, JSON, Markdown) are written as UTF-8 bytes
whatever the console's encoding (see :func:`gkcli.cli.App.show`).
"""

from __future__ import annotations

import codecs
import os
import sys

FALLBACK = {"░": "□", "✔": "√", "✘": "×", "╴": "-", "⚠": "!"}
ERRORS = "gk.fallback"


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    said = []
    for ch in exc.object[exc.start:exc.end]:
        alt = FALLBACK.get(ch, "?")
        try:
            alt.encode(exc.encoding)
        except (UnicodeError, LookupError):
            alt = "?"
        said.append(alt)
    return "".join(said), exc.end


codecs.register_error(ERRORS, _fallback)


def make_safe() -> None:
    """Let stdout and stderr write whatever gk says, in whatever encoding they have."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ERRORS)


def silence_stdout() -> None:
    """After stdout failed (a full disk, a closed pipe): send what is left nowhere, so Python's
    own flush at exit does not fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass

"""Texts the engine shows to people, translatable without Qt in core/.

`Text(template, **params)` is the English text itself (a str: logs, the CLI and tests
read it as before) that also keeps its template and parameters, so the UI can show it
in the user's language: `ui/core_texts.py` looks the template up under the translation
context "Core" and fills the parameters in, translating those that are Texts too.
Templates are `str.format` patterns with named fields. `scripts/core_catalogue.py`
copies every literal `Text("...")` template into `ui/core_catalogue.py`, where the
translation tools find them.

A message that is not a Text (a router's own MESSAGE=, an OS error) stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Text(str):
    """An English message with what it takes to translate it (see the module doc)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Text:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self


def text_of(exc: BaseException) -> str:
    """What an exception says, keeping a Text (str(exc) would make it a plain str)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)


def joined(parts: Sequence[str]) -> str:
    """`parts` as one message, "; " between them, each part still translatable."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return Text("{first}; {rest}", first=parts[0], rest=joined(parts[1:]))

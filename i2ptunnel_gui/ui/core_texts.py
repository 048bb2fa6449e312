"""The engine's messages in the UI's language (core/text.py: `Text` keeps the template).

`shown(message)` takes what the engine said (a state message, an event, an exception)
and looks its template up under the context "Core" (ui/core_catalogue.py lists them for
the translation tools), filling in the parameters, themselves translated when they are
Texts, and writing decimals as the default QLocale does ("2,5 s" in German). Anything
else (a router's own MESSAGE=, an OS error text) is shown as it came.
"""

from __future__ import annotations

import logging
from string import Formatter
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from i2ptunnel_gui.core.text import Text, text_of

logger = logging.getLogger(__name__)
_parse = Formatter().parse


def shown(message: str | BaseException) -> str:
    """`message` in the UI's language, as far as the catalogue has it."""
    if isinstance(message, BaseException):
        message = text_of(message)
    if not isinstance(message, Text):
        return str(message)
    params = {k: shown(v) if isinstance(v, Text) else v for k, v in message.params.items()}
    point = QLocale().decimalPoint()
    translated = QCoreApplication.translate("Core", message.template)
    try:
        return _fill(translated, params, point)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        logger.warning("translation of %r does not fit its fields", message.template)
        return _fill(message.template, params, point)


def _fill(template: str, params: dict[str, Any], point: str) -> str:
    """str.format(template, **params), a float's decimal point written as `point`."""
    out: list[str] = []
    for literal, name, spec, conversion in _parse(template):
        out.append(literal)
        if name is None:
            continue
        if conversion or not name.isidentifier():
            raise ValueError(f"unsupported field {{{name}}}")  # none of core's templates
        value = params[name]
        text = format(value, spec or "")
        out.append(text.replace(".", point) if isinstance(value, float) else text)
    return "".join(out)

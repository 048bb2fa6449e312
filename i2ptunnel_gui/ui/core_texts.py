"""The engine's messages in the UI's language (core/text.py: `Text` keeps the template).

`shown(message)` takes what the engine said (a state message, an event, an exception)
and looks its template up under the context "Core" (ui/core_catalogue.py lists them for
the translation tools), filling in the parameters, themselves translated when they are
Texts. Anything else (a router's own MESSAGE=, an OS error text) is shown as it came.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from i2ptunnel_gui.core.text import Text, text_of

logger = logging.getLogger(__name__)


def shown(message: str | BaseException) -> str:
    """`message` in the UI's language, as far as the catalogue has it."""
    if isinstance(message, BaseException):
        message = text_of(message)
    if not isinstance(message, Text):
        return str(message)
    params = {k: shown(v) if isinstance(v, Text) else v for k, v in message.params.items()}
    translated = QCoreApplication.translate("Core", message.template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        logger.warning("translation of %r does not fit its fields", message.template)
        return message.template.format(**params)

"""Refusal reasons as the user reads them (details panel, tunnel table tooltips)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from i2ptunnel_gui.core.policy.refusals import Refusal, RefusalCounts

_TITLES = {
    Refusal.ACCESS_LIST: QT_TRANSLATE_NOOP("Refusal", "access list"),
    Refusal.I2P_PORT: QT_TRANSLATE_NOOP("Refusal", "other I2P port"),
    Refusal.MAX_CONCURRENT: QT_TRANSLATE_NOOP("Refusal", "max concurrent"),
    Refusal.CLIENT_MINUTE: QT_TRANSLATE_NOOP("Refusal", "client per minute"),
    Refusal.CLIENT_HOUR: QT_TRANSLATE_NOOP("Refusal", "client per hour"),
    Refusal.CLIENT_DAY: QT_TRANSLATE_NOOP("Refusal", "client per day"),
    Refusal.TOTAL_MINUTE: QT_TRANSLATE_NOOP("Refusal", "total per minute"),
    Refusal.TOTAL_HOUR: QT_TRANSLATE_NOOP("Refusal", "total per hour"),
    Refusal.TOTAL_DAY: QT_TRANSLATE_NOOP("Refusal", "total per day"),
    Refusal.POST_LIMIT: QT_TRANSLATE_NOOP("Refusal", "POST limit"),
    Refusal.BAD_REQUEST: QT_TRANSLATE_NOOP("Refusal", "bad request"),
}
assert set(_TITLES) == set(Refusal), "a refusal reason without a title"


def refusal_title(reason: Refusal) -> str:
    return QCoreApplication.translate("Refusal", str(_TITLES[reason]))


def refusals_text(counts: RefusalCounts) -> str:
    """'access list: 3, total per day: 1', or 'none'."""
    if not counts:
        return QCoreApplication.translate("Refusal", "none")
    return ", ".join(f"{refusal_title(r)}: {n}" for r, n in counts)

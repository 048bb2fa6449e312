"""Human-readable numbers for tables, graphs and the status bar, in the UI's language:
unit texts go through translate() ("1.5 MiB", "1,5 MiB", "1,5 МиБ") and decimals follow
the default QLocale, which `translations.install` sets to match the texts.

Each unit is one literal translate() call, picked after the magnitude is known: these
run for every visible cell of a live table, so no unit list is built per call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

_KIB = 1024.0


def _decimal(value: float) -> str:
    return QLocale().toString(value, "f", 1)


def human_bytes(n: float) -> str:
    value = float(n)
    if abs(value) < _KIB:  # whole bytes: digits alone, no locale grouping ("1023 B")
        return QCoreApplication.translate("Units", "{0} B").format(int(value))
    value /= _KIB
    if abs(value) < _KIB:
        return QCoreApplication.translate("Units", "{0} KiB").format(_decimal(value))
    value /= _KIB
    if abs(value) < _KIB:
        return QCoreApplication.translate("Units", "{0} MiB").format(_decimal(value))
    value /= _KIB
    if abs(value) < _KIB:
        return QCoreApplication.translate("Units", "{0} GiB").format(_decimal(value))
    return QCoreApplication.translate("Units", "{0} TiB").format(_decimal(value / _KIB))


def human_rate(bytes_per_second: float) -> str:
    amount = human_bytes(bytes_per_second if bytes_per_second >= 1 else 0)
    return QCoreApplication.translate(
        "Units", "{0}/s", "a rate: {0} is an amount such as 1.5 MiB").format(amount)


def human_duration(seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 60:
        return QCoreApplication.translate("Units", "{0}s", "seconds").format(s)
    m, s = divmod(s, 60)
    if m < 60:
        return QCoreApplication.translate("Units", "{0}m {1}s", "minutes and seconds").format(
            m, f"{s:02d}")
    h, m = divmod(m, 60)
    if h < 24:
        return QCoreApplication.translate("Units", "{0}h {1}m", "hours and minutes").format(
            h, f"{m:02d}")
    d, h = divmod(h, 24)
    return QCoreApplication.translate("Units", "{0}d {1}h", "days and hours").format(
        d, f"{h:02d}")

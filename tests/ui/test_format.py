"""Numbers on screen speak the UI's language: translated units, the locale's decimals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from i2ptunnel_gui.ui.format import human_bytes, human_duration, human_rate

CASES = [  # (function, value, English, German, Russian)
    (human_bytes, 0, "0 B", "0 B", "0 Б"),
    (human_bytes, 1023, "1023 B", "1023 B", "1023 Б"),  # whole bytes: no grouping
    (human_bytes, 1536, "1.5 KiB", "1,5 KiB", "1,5 КиБ"),
    (human_bytes, 5 * 2**20, "5.0 MiB", "5,0 MiB", "5,0 МиБ"),
    (human_bytes, 3 * 2**30 // 2, "1.5 GiB", "1,5 GiB", "1,5 ГиБ"),
    (human_bytes, 2**41, "2.0 TiB", "2,0 TiB", "2,0 ТиБ"),
    (human_bytes, 2**51, "2,048.0 TiB", "2.048,0 TiB", "2\u00a0048,0 ТиБ"),  # the last unit
    (human_rate, 0.4, "0 B/s", "0 B/s", "0 Б/с"),
    (human_rate, 2.5 * 2**20, "2.5 MiB/s", "2,5 MiB/s", "2,5 МиБ/с"),
    (human_duration, -3, "0s", "0 s", "0 с"),
    (human_duration, 59, "59s", "59 s", "59 с"),
    (human_duration, 65, "1m 05s", "1 min 05 s", "1 мин 05 с"),
    (human_duration, 3700, "1h 01m", "1 h 01 min", "1 ч 01 мин"),
    (human_duration, 90061, "1d 01h", "1 d 01 h", "1 д 01 ч"),
]


Install = Callable[..., str]  # the `language` fixture (conftest.py)


@pytest.mark.parametrize(("fn", "value", "en", "de", "ru"), CASES,
                         ids=[f"{c[0].__name__}-{c[1]}" for c in CASES])
def test_numbers_in_each_language(language: Install, fn: Callable[[float], str], value: float,
                                  en: str, de: str, ru: str) -> None:
    for lang, text in (("en", en), ("de", de), ("ru", ru)):
        assert language(lang) == lang
        assert fn(value) == text, lang


def test_a_system_speaking_the_language_keeps_its_regional_decimals(language: Install) -> None:
    language("de", system="de_CH")  # Swiss German writes a decimal point
    assert human_bytes(1536) == "1.5 KiB"
    language("de", system="de_DE")
    assert human_bytes(1536) == "1,5 KiB"
    language("de", system="ru_RU")  # German texts on a Russian system: German numbers
    assert human_rate(1536) == "1,5 KiB/s"

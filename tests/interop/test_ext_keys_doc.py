"""docs/INTEROP.md lists every `i2ptunnelgui.*` option the import and export code use."""

from __future__ import annotations

import re
from pathlib import Path

from i2ptunnel_gui.interop import model

ROOT = Path(__file__).resolve().parents[2]


def keys_in_code() -> set[str]:
    """EXT_KEYS plus the keys spelt `EXT + "name"` anywhere in interop/."""
    spelt = set()
    for source in (ROOT / "i2ptunnel_gui" / "interop").glob("*.py"):
        spelt |= {model.EXT + k for k in re.findall(r'\bEXT \+ "(\w+)"', source.read_text())}
    return set(model.EXT_KEYS) | spelt


def keys_in_doc() -> set[str]:
    text = (ROOT / "docs" / "INTEROP.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `(i2ptunnelgui\.\w+)` \|", text, flags=re.MULTILINE))


def test_the_doc_table_names_exactly_the_keys_in_use() -> None:
    code = keys_in_code()
    assert len(code) >= 13  # the scan found the extension fields and the proxy/Java keys
    assert keys_in_doc() == code

#!/usr/bin/env python3
"""Write i2ptunnel_gui/ui/core_catalogue.py: every literal `Text("...")` template in
core/ (core/text.py) as a QT_TRANSLATE_NOOP("Core", ...) line, where pyside6-lupdate
finds it. core/ imports no Qt, so its texts reach the catalogues this way.

    scripts/core_catalogue.py            # rewrite the file (update-translations.sh runs it)
    scripts/core_catalogue.py --check    # exit 1 when the file is not current
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "i2ptunnel_gui" / "core"
OUT = ROOT / "i2ptunnel_gui" / "ui" / "core_catalogue.py"

HEAD = '''"""The engine's translatable texts (core/text.py), for the translation tools.

Written by scripts/core_catalogue.py from every literal Text("...") in core/: not
edited by hand (tests/ui/test_core_texts.py checks it is current). Nothing imports it;
it exists so that pyside6-lupdate files these templates under the context "Core",
which ui/core_texts.py looks them up in.
"""
# ruff: noqa: E501 -- one template per line, as long as the text is

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATES = (
'''


def templates() -> list[tuple[str, str]]:
    """(template, where first seen) for every literal Text("...") in core/, in file order."""
    seen: dict[str, str] = {}
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Name) and n.func.id == "Text" and n.args]
        for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                seen.setdefault(first.value, str(path.relative_to(CORE.parent)))
    return list(seen.items())


def render() -> str:
    lines, last = [], ""
    for template, where in templates():
        if where != last:
            lines.append(f"    # {where}\n")
            last = where
        lines.append(f'    QT_TRANSLATE_NOOP("Core", {template!r}),\n')
    return HEAD + "".join(lines) + ")\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is not current: run scripts/core_catalogue.py",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Static checks that every user-visible text in ui/ reaches the translators.

`problems(source)` lists literal texts handed to Qt text setters and widget constructors
without tr()/translate(), and translation calls pyside6-lupdate cannot read (an alias,
a bare tr(), QT_TR_NOOP, a plural through translate(), self.tr() in a base class whose
subclasses would look it up under their own name). `messages(source)` lists the
(context, text, plural) triples the code asks for, to compare with the .ts catalogues.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

# method -> positions of its text arguments (None: every argument)
SETTERS: dict[str, tuple[int, ...] | None] = {
    **dict.fromkeys(
        ("setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setAccessibleName",
         "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setTitle",
         "setLabelText", "setInformativeText", "setSpecialValueText", "setSuffix",
         "setPrefix", "setWindowIconText", "setToolTipText", "setButtonText"), (0,)),
    **dict.fromkeys(("setTabText", "setTabToolTip", "setItemText", "setTabWhatsThis"), (1,)),
    **dict.fromkeys(("showMessage", "notify", "addAction", "addMenu", "addTab",
                     "insertTab", "addSection"), None),
    "addRow": (0,),
    **dict.fromkeys(("setHorizontalHeaderLabels", "setVerticalHeaderLabels",
                     "setHeaderLabels", "addItems"), (0,)),
}
# the app's own helpers that put an argument on screen (called as a function or method)
HELPERS: dict[str, tuple[int, ...]] = {
    "_line": (1,),  # (name, placeholder)
    "_action": (1,),  # (name, text, ...)
    "_add": (2,),  # the tray menu's (menu, name, text, slot)
    "confirm": (1, 2),
    "confirm_box": (1, 2),
    "show_error": (0,),
    "show_test_result": (1,),
    "set_router_wait": (0,),
}
WIDGETS: dict[str, tuple[int, ...] | None] = {
    **dict.fromkeys(("QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox",
                     "QToolButton", "QCommandLinkButton", "QMenu"), (0,)),
    "QAction": (0, 1),  # (text, parent) or (icon, text, parent)
    "QMessageBox": (1, 2),  # (icon, title, text, ...)
    "OptionalNumber": (1,),
}
MESSAGE_BOX_STATICS = ("warning", "critical", "information", "question", "about")
TEXT_KEYWORDS = ("text", "title", "toolTip", "placeholderText", "suffix", "prefix")
TRANSLATE = "translate"  # QCoreApplication.translate, or a module alias of that name
# literal texts that are not language: config syntax shown as an example
NOT_LANGUAGE = frozenset({"[limits]\ntransittunnels = 500"})
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Problem:
    line: int
    what: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.what}"


def _has_words(text: str) -> bool:
    return text not in NOT_LANGUAGE and any(c.isalpha() for c in _TAG.sub("", text))


def _untranslated(node: ast.expr) -> bool:
    """Does this argument expression carry literal words past the translator?"""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_words(node.value)
    if isinstance(node, ast.JoinedStr):  # f-string: its literal parts are untranslatable
        return _has_words("{}".join(str(v.value) if isinstance(v, ast.Constant) else "{}"
                                    for v in node.values))
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) or _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) or _untranslated(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_untranslated(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        return _untranslated(node.func.value)  # "literal {0}".format(...) is still literal
    return False  # a name, a tr() call or any other call: translated (or not text) upstream


def _translation(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in ("tr", TRANSLATE)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _text_args(call: ast.Call) -> list[ast.expr]:
    name = _name(call.func)
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    if name in MESSAGE_BOX_STATICS and isinstance(receiver, ast.Name) \
            and receiver.id == "QMessageBox":
        positions: tuple[int, ...] | None = (1, 2)
    elif isinstance(call.func, ast.Attribute) and name in SETTERS:
        positions = SETTERS[name]
    elif name in WIDGETS:
        positions = WIDGETS[name]
    elif name in HELPERS:
        positions = HELPERS[name]
    elif name in ("addItem", "insertItem"):  # ([index,] [icon,] text, data): text is a str
        positions = (0, 1, 2) if name == "addItem" else (1, 2)
        # the first literal or translation is the text; a literal after it is the item's data
        texts = [a for i, a in enumerate(call.args) if i in positions
                 and (isinstance(a, ast.Constant | ast.JoinedStr) or _translation(a))]
        return texts[:1]
    else:
        return []
    args = [a for i, a in enumerate(call.args) if positions is None or i in positions]
    return args + [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]


def _classes(tree: ast.Module) -> Iterator[tuple[ast.ClassDef | None, ast.AST]]:
    """Every node with the class it is written in (None at module level)."""
    def walk(node: ast.AST, owner: ast.ClassDef | None) -> Iterator[tuple[ast.ClassDef | None,
                                                                          ast.AST]]:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.ClassDef) else owner
            yield inner, child
            yield from walk(child, inner)
    yield from walk(tree, None)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def problems(source: str, *, base_classes: frozenset[str] = frozenset()) -> list[Problem]:
    """What in this ui/ module a translator would never see. `base_classes`: classes other
    ui/ classes inherit from (their self.tr() would run under the subclass's name)."""
    tree = ast.parse(source)
    found: list[Problem] = []
    aliases = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Attribute) and node.value.attr == "translate"
               for t in node.targets if isinstance(t, ast.Name) and t.id != TRANSLATE}
    for owner, node in _classes(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        for arg in _text_args(node):
            if _untranslated(arg):
                found.append(Problem(node.lineno, f"untranslated text in {name}(): "
                                                  f"{ast.unparse(arg)[:80]}"))
        if name == "tr" and isinstance(node.func, ast.Name):
            found.append(Problem(node.lineno, "bare tr(): lupdate files it under no context"))
        if name == "QT_TR_NOOP":
            found.append(Problem(node.lineno, "QT_TR_NOOP: lupdate files it under no "
                                              "context; use QT_TRANSLATE_NOOP(context, …)"))
        if isinstance(node.func, ast.Name) and name in aliases and len(node.args) > 1 \
                and _literal(node.args[1]) is not None:
            found.append(Problem(node.lineno, f"{name}() is an alias lupdate cannot read; "
                                              "call QCoreApplication.translate()"))
        if name == TRANSLATE and len(node.args) + len(node.keywords) > 3:
            found.append(Problem(node.lineno, "a plural through translate(): lupdate does "
                                              "not mark it; use self.tr(text, '', n)"))
        if name == TRANSLATE and node.args and _literal(node.args[0]) is None:
            found.append(Problem(node.lineno, "translate() needs a literal context"))
        if (name == "tr" and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
                and owner is not None and owner.name in base_classes):
            found.append(Problem(node.lineno, f"self.tr() in base class {owner.name}: "
                                              "subclasses look it up under their own name"))
    return found


def base_classes(sources: list[str]) -> frozenset[str]:
    """The classes that other classes in these modules inherit from."""
    defined, bases = set(), set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                defined.add(node.name)
                bases |= {b.id for b in node.bases if isinstance(b, ast.Name)}
    return frozenset(defined & bases)


def messages(source: str) -> set[tuple[str, str, bool]]:
    """(context, source text, plural) of every literal the module asks to translate."""
    found = set()
    for owner, node in _classes(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _name(node.func)
        if name == "tr" and isinstance(node.func, ast.Attribute) and owner is not None:
            text = _literal(node.args[0])
            if text is not None:
                found.add((owner.name, text, len(node.args) > 2))
        elif name in (TRANSLATE, "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                found.add((context, text, len(node.args) > 3))
    return found

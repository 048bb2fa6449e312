"""Find the files shipped with the app (icons, desktop metadata).

Named apart from the `resources/` package-data folder it reads, which sits beside it
in an installed package: a module called `resources` would shadow that folder's name.

The sources live in the top-level `resources/` directory; the wheel build maps them to
`i2ptunnel_gui/resources/` (pyproject force-include). So an installed wheel, a PyInstaller
bundle (which copies the same tree into the package) and a source checkout all work with
one lookup: package data first, the checkout's `resources/` as the fallback.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from i2ptunnel_gui import APP_ID

_PACKAGE = "i2ptunnel_gui"
_SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"


def root() -> Traversable:
    """The resources directory: package data if present, else the source tree's."""
    packaged = files(_PACKAGE).joinpath("resources")
    if packaged.is_dir():
        return packaged
    if _SOURCE_TREE.is_dir():
        return _SOURCE_TREE
    raise FileNotFoundError(
        f"no resources directory: neither package data {_PACKAGE}/resources "
        f"nor the source tree's {_SOURCE_TREE} exists (broken install?)"
    )


def resource(relative: str) -> Traversable:
    """One shipped file, e.g. resource("icons/x.svg"); a clear error when it is missing."""
    parts = [p for p in relative.split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise ValueError(f"resource path must be relative and inside resources/: {relative!r}")
    item = root().joinpath(*parts)
    if not item.is_file():
        raise FileNotFoundError(f"resource {relative!r} is not shipped (looked in {root()})")
    return item


def read_bytes(relative: str) -> bytes:
    return resource(relative).read_bytes()


def icon_path(name: str = APP_ID) -> Path:
    """A filesystem path to icons/<name>.svg, for APIs that need a path (QIcon).

    Wheels and bundles install as plain files, so the Traversable is a real Path;
    zipped installs are not supported (the app is never installed zipped).
    """
    item = resource(f"icons/{name}.svg")
    if not isinstance(item, Path):
        raise FileNotFoundError(f"icon {name!r} is inside an archive, not on disk: {item}")
    return item

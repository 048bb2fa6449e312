"""The app's own address book: `.i2p` names -> destinations, in hosts.txt format.

The file is the format every I2P router reads and publishes (`name=base64`, one per
line, `#` comments; Java's `#!key=value` metadata after an entry is ignored), so a
subscription file or a router's hosts.txt can be imported as it is. Names saved from
an address-helper link (after the user confirmed) are appended to it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import Destination, parse_destination

logger = logging.getLogger(__name__)

HOSTS_FILE = "hosts.txt"
MAX_NAME = 67  # Java's hostname limit for address book entries
# labels of letters/digits/hyphens (no leading/trailing hyphen), ending in .i2p;
# b32 addresses are hashes, not names: they never go in a book
_NAME = re.compile(r"^([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+i2p$")


def book_path(keys_dir: Path) -> Path:
    """Where the app's address book lives: `hosts.txt` next to the key folder."""
    return keys_dir.parent / HOSTS_FILE


class AddressBookError(ValueError):
    """A name or destination cannot go into the address book; the text says why."""


@dataclass(frozen=True, slots=True)
class HostsProblem:
    line: int  # 1-based
    text: str  # why the line was skipped


@dataclass(slots=True)
class HostsImport:
    added: list[str] = field(default_factory=list)  # new names
    unchanged: int = 0  # already there with the same destination
    conflicts: list[str] = field(default_factory=list)  # kept the existing destination
    problems: list[HostsProblem] = field(default_factory=list)


def check_name(name: str) -> str | None:
    """None if `name` may be an address book entry, else why not."""
    if len(name) > MAX_NAME:
        return f"{name[:40]!r}… is longer than {MAX_NAME} characters"
    if name.endswith(".b32.i2p"):
        return f"{name!r} is a b32 address, not a name"
    if not _NAME.fullmatch(name):
        return f"{name!r} is not an .i2p host name (letters, digits, '-' and '.', ending .i2p)"
    return None


def parse_entry(name: str, dest: str) -> tuple[str, Destination]:
    """(lower-case name, parsed destination) or AddressBookError."""
    low = name.strip().lower()
    if (why := check_name(low)) is not None:
        raise AddressBookError(why)
    try:
        return low, parse_destination(dest.strip())
    except KeyFormatError as e:
        raise AddressBookError(f"{low}: {e}") from None


def parse_hosts(text: str) -> tuple[list[tuple[str, Destination]], list[HostsProblem]]:
    """Entries of a hosts.txt text in file order, and the lines that were skipped."""
    entries: list[tuple[str, Destination]] = []
    problems: list[HostsProblem] = []
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#!", 1)[0].strip()  # "#!" starts Java's metadata
        if not line or line.startswith("#"):
            continue
        name, sep, dest = line.partition("=")
        if not sep:
            problems.append(HostsProblem(no, "expected name=destination"))
            continue
        try:
            entries.append(parse_entry(name, dest))
        except AddressBookError as e:
            problems.append(HostsProblem(no, str(e)))
    return entries, problems


class AddressBook:
    """Names -> base64 destinations, kept in a hosts.txt file.

    `path` None keeps everything in memory (tests, transient use). The file is read
    once, lazily; entries this process adds are appended (0600), never rewritten,
    so a concurrent editor of the file loses nothing.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._saved: dict[str, str] | None = None

    def _entries(self) -> dict[str, str]:
        if self._saved is None:
            self._saved = {}
            if self.path is not None:
                try:
                    text = self.path.read_text(encoding="utf-8", errors="replace")
                except FileNotFoundError:
                    text = ""
                except OSError as e:
                    logger.warning("address book %s unreadable: %s", self.path, e)
                    text = ""
                entries, problems = parse_hosts(text)
                for p in problems[:5]:
                    logger.warning("address book %s line %d skipped: %s", self.path, p.line, p.text)
                for name, dest in entries:
                    self._saved.setdefault(name, dest.b64)  # the first entry wins, as in routers
        return self._saved

    def __len__(self) -> int:
        return len(self._entries())

    def lookup(self, name: str) -> str | None:
        """The base64 destination of `name`, or None if it is not in the book."""
        return self._entries().get(name.lower().rstrip("."))

    def names(self) -> list[str]:
        return sorted(self._entries())

    def add(self, name: str, dest: str) -> str:
        """Save `name` -> `dest` (appended to the file). A name that is already saved
        with another destination is refused: the user removes it first."""
        low, parsed = parse_entry(name, dest)
        saved = self._entries()
        old = saved.get(low)
        if old == parsed.b64:
            return low
        if old is not None:
            raise AddressBookError(f"{low} is already saved with another destination")
        if self.path is not None:
            self._append([(low, parsed.b64)])
        saved[low] = parsed.b64
        return low

    def import_text(self, text: str) -> HostsImport:
        """Add every entry of a hosts.txt text that is new; existing names keep their
        destination (a subscription cannot take over a saved name)."""
        entries, problems = parse_hosts(text)
        result = HostsImport(problems=problems)
        saved = self._entries()
        new: list[tuple[str, str]] = []
        for name, dest in entries:
            old = saved.get(name)
            if old == dest.b64:
                result.unchanged += 1
            elif old is not None:
                result.conflicts.append(name)
            else:
                saved[name] = dest.b64
                new.append((name, dest.b64))
                result.added.append(name)
        if new and self.path is not None:
            try:
                self._append(new)
            except OSError:
                for name, _ in new:
                    del saved[name]
                raise
        return result

    def _append(self, entries: list[tuple[str, str]]) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lead = ""
        with contextlib.suppress(OSError), self.path.open("rb") as old:
            old.seek(0, os.SEEK_END)
            if old.tell():
                old.seek(-1, os.SEEK_END)
                lead = "" if old.read(1) == b"\n" else "\n"  # a hand-edited last line
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.closing(os.fdopen(fd, "a", encoding="utf-8")) as f:
            f.write(lead + "".join(f"{n}={d}\n" for n, d in entries))
            f.flush()
            os.fsync(f.fileno())

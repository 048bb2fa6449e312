"""`i2ptunnel-gui hosts import FILE`: a hosts.txt into the app's address book."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from headless_helpers import subprocess_env, write_settings
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.proxy.addressbook import AddressBook, book_path
from i2ptunnel_gui.core.sam.keys import build_destination
from i2ptunnel_gui.settings import Settings

_rng = random.Random(5)
D1 = build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7).b64
D2 = build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7).b64


def hosts(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "i2ptunnel_gui", "--settings", str(tmp_path / "s.ini"),
         "hosts", *args],
        capture_output=True, text=True, timeout=60, env=subprocess_env(tmp_path), check=False,
    )  # fmt: skip


def test_import_adds_new_names_and_keeps_saved_ones(tmp_path: Path) -> None:
    write_settings(tmp_path / "s.ini", [])
    keys = tmp_path / "mykeys"
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.keys_dir = keys  # the folder chosen in the app's preferences
    settings.sync()
    src = tmp_path / "sub.txt"
    src.write_text(f"# subscription\nforum.i2p={D1}\nbad line\n")
    out = hosts(tmp_path, "import", str(src))
    assert out.returncode == 0, out.stderr
    target = book_path(keys)
    assert out.stdout.strip() == f"added 1 name(s) to {target} (0 already there, 1 line(s) skipped)"
    assert f"{src}:3: skipped" in out.stderr
    src.write_text(f"forum.i2p={D2}\nwiki.i2p={D2}\n")
    out = hosts(tmp_path, "import", str(src))
    assert "kept the saved destination of 1 name(s): forum.i2p" in out.stderr
    book = AddressBook(target)
    assert book.lookup("forum.i2p") == D1 and book.lookup("wiki.i2p") == D2


def test_unreadable_file_is_one_line_exit_2(tmp_path: Path) -> None:
    out = hosts(tmp_path, "import", str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert "cannot read" in out.stderr
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe")
    out = hosts(tmp_path, "import", str(tmp_path / "bin.txt"))
    assert out.returncode == 2 and "not UTF-8" in out.stderr

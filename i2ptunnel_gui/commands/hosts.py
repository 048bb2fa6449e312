"""`i2ptunnel-gui hosts import FILE`: add a hosts.txt (`name=base64` lines, as routers
and subscriptions publish them) to the app's address book, which the HTTP proxy and
SOCKS tunnels consult after the router. Names already saved keep their destination."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from i2ptunnel_gui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_START, fail
from i2ptunnel_gui.core.proxy.addressbook import AddressBook, book_path

MAX_HOSTS_BYTES = 16 * 1024 * 1024  # a big subscription is a few MiB


def run(args: argparse.Namespace) -> int:
    from i2ptunnel_gui.settings import Settings, SettingsError

    source = Path(args.file)
    try:
        if source.stat().st_size > MAX_HOSTS_BYTES:
            return fail("hosts", f"{source} is larger than 16 MiB: not a hosts.txt",
                        EXIT_BAD_INPUT)  # fmt: skip
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return fail("hosts", f"{source} is not UTF-8 text", EXIT_BAD_INPUT)
    except OSError as e:
        return fail("hosts", f"cannot read {source}: {e.strerror or e}", EXIT_BAD_INPUT)
    try:
        target = book_path(Settings.open(args.settings).keys_dir)
    except SettingsError as e:
        return fail("hosts", f"--settings: {e}", EXIT_BAD_INPUT)
    book = AddressBook(target)
    try:
        result = book.import_text(text)
    except OSError as e:
        return fail("hosts", f"cannot write {target}: {e.strerror or e}", EXIT_CANNOT_START)
    for p in result.problems[:20]:
        sys.stderr.write(f"{source}:{p.line}: skipped: {p.text}\n")
    if len(result.problems) > 20:
        sys.stderr.write(f"... and {len(result.problems) - 20} more lines skipped\n")
    if result.conflicts:
        sys.stderr.write(f"kept the saved destination of {len(result.conflicts)} name(s): "
                         f"{', '.join(result.conflicts[:10])}\n")  # fmt: skip
    print(f"added {len(result.added)} name(s) to {target} ({result.unchanged} already there, "
          f"{len(result.problems)} line(s) skipped)")  # fmt: skip
    return 0

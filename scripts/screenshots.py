"""Screenshots of the real app under Xvfb, with a tray host and live demo traffic.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--display 91]
                                            [--lang en|de|ru] [--dark]

Starts `Xvfb :N -screen 0 1280x800x24 -nolisten tcp` and `trayer` (ended by PID at
the end), writes an isolated settings file with demo tunnels — two TCP forwards to a
local echo server that carry live connections, an I2P server and an I2P client on
the in-process fake SAM bridge of the tests (tests/fake_sam.py: a stand-in router on
127.0.0.1, so the server shows its b32 and QR code without a real I2P network), and a
stopped one — then runs the app in this process (`ui.app.run`) and, step by step,
saves main-window.png, connections.png, details.png, editor.png and tray-menu.png
(with -de/-ru and -dark before .png for --lang and --dark).
Nothing leaves 127.0.0.1; the app's settings, keys and config live in a temp dir.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCREEN = (1280, 800)
# --lang: the locale the app starts in (it picks its translation from the system locale)
LOCALES = {"en": "en_US.UTF-8", "de": "de_DE.UTF-8", "ru": "ru_RU.UTF-8"}


def add_look_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=sorted(LOCALES), default="en",
                        help="start the app in this language (sets LANGUAGE, LC_ALL, LANG)")
    parser.add_argument("--dark", action="store_true",
                        help="Fusion style with the app's dark palette")


def set_language(lang: str) -> None:
    """Before the QApplication exists: Qt reads the system locale from these once."""
    os.environ.update(LANGUAGE=lang, LC_ALL=LOCALES[lang], LANG=LOCALES[lang])


def apply_look(app: object, dark: bool) -> None:
    if dark:
        from i2ptunnel_gui.ui.theme import dark_palette

        app.setStyle("Fusion")  # type: ignore[attr-defined]
        app.setPalette(dark_palette())  # type: ignore[attr-defined]


def shot_name(name: str, lang: str, dark: bool) -> str:
    """main-window.png, main-window-de.png, main-window-dark.png, main-window-ru-dark.png"""
    stem, dot, ext = name.rpartition(".")
    return f"{stem}{'' if lang == 'en' else '-' + lang}{'-dark' if dark else ''}{dot}{ext}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_display(number: int) -> subprocess.Popen[bytes]:
    sock = Path(f"/tmp/.X11-unix/X{number}")
    if sock.exists():
        raise SystemExit(f"display :{number} is in use ({sock}); pass --display")
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0",
                             f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not sock.exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            xvfb.kill()
            raise SystemExit("Xvfb did not start")
        time.sleep(0.05)
    return xvfb


class Echo:
    """Loopback echo server, one thread per connection."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    @staticmethod
    def _echo(conn: socket.socket) -> None:
        with conn, __import__("contextlib").suppress(OSError):
            conn.settimeout(30)
            while data := conn.recv(65536):
                conn.sendall(data)

    def close(self) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


def chatter(port: int, size: int, pause: float, stop: threading.Event) -> None:
    """One client talking through a forward tunnel until `stop`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            while not stop.is_set():
                s.sendall(b"x" * size)
                got = 0
                while got < size:
                    chunk = s.recv(65536)
                    if not chunk:
                        return
                    got += len(chunk)
                stop.wait(pause)
    except OSError:
        pass


class DemoRouter:
    """The tests' fake SAM bridge on its own thread and loop (a stand-in router)."""

    def __init__(self) -> None:
        import asyncio

        sys.path.insert(0, str(ROOT / "tests"))
        from fake_sam import FakeSam, random_private_key

        self.loop = asyncio.new_event_loop()
        self.fake = FakeSam(versions=("3.0", "3.1"))
        # the client tunnel's .i2p name resolves to some destination (nobody answers it)
        self.fake.names["irc.postman.i2p"] = random_private_key().destination.b64
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.fake.start(), self.loop).result(10)

    @property
    def address(self) -> str:
        return self.fake.address

    def close(self) -> None:
        import asyncio

        asyncio.run_coroutine_threadsafe(self.fake.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def demo_settings(path: Path, echo_port: int, sam_address: str) -> dict[str, object]:
    from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
    from i2ptunnel_gui.settings import Settings

    web, db = free_port(), free_port()
    specs = [
        TunnelSpec(name="Web mirror", kind=TunnelKind.FORWARD, listen_port=web,
                   target_port=echo_port, auto_start=True,
                   description="local web app, reachable on another port"),
        TunnelSpec(name="Database", kind=TunnelKind.FORWARD, listen_port=db,
                   target_port=echo_port, auto_start=True, nconnect=50),
        TunnelSpec(name="My blog", kind=TunnelKind.SERVER, target_port=8080, auto_start=True,
                   description="the blog on 127.0.0.1:8080, published on I2P"),
        TunnelSpec.new("IRC (Irc2P)", TunnelKind.CLIENT, listen_port=free_port(),
                       destination="irc.postman.i2p", auto_start=True),
        TunnelSpec(name="Git mirror", kind=TunnelKind.FORWARD, listen_port=free_port(),
                   target_host="127.0.0.1", target_port=9418),
    ]
    s = Settings.open(path)
    s.sam_address = sam_address
    s.save_tunnels(specs)
    return {"web": web, "db": db, "specs": specs}


class Director:
    """Runs the steps on the app's own loop (a QTimer), then asks it to quit."""

    def __init__(self, out: Path, demo: dict[str, object], lang: str = "en",
                 dark: bool = False) -> None:
        from PySide6.QtCore import QTimer

        self.out, self.demo = out, demo
        self.look = (lang, dark)
        self.stop = threading.Event()
        self.clients: list[threading.Thread] = []
        self.steps: list[tuple[float, Callable[[], None]]] = [
            (3.0, self.start_traffic), (3.5, self.shoot_main), (0.2, self.churn),
            (0.9, self.shoot_connections),
            (0.5, self.select_blog), (0.8, self.shoot_details), (0.3, self.open_editor),
            (0.8, self.shoot_editor), (0.3, self.open_tray_menu), (0.8, self.shoot_tray),
            (0.2, self.quit)]
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._next)
        self.timer.start(500)
        self.window = self.tray = self.editor = None
        self.saved: list[Path] = []

    def _next(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.window is None:
            self.window = next((w for w in QApplication.topLevelWidgets()
                                if w.objectName() == "main_window"), None)
            if self.window is None:
                self.timer.start(200)
                return
            self.window.move(8, 36)
            self.window.resize(1180, 700)
        _delay, step = self.steps.pop(0)
        step()
        if self.steps:
            self.timer.start(int(self.steps[0][0] * 1000))

    def _save(self, pixmap: object, name: str) -> None:
        path = self.out / shot_name(name, *self.look)
        if not pixmap.save(str(path)):  # type: ignore[attr-defined]
            raise RuntimeError(f"could not write {path}")
        self.saved.append(path)

    def _select(self, name: str) -> None:
        w = self.window
        model = w.tunnel_table.model()
        for r in range(model.rowCount()):
            if model.index(r, 0).data() == name:
                w.tunnel_table.selectRow(r)
                return
        raise RuntimeError(f"no demo tunnel {name!r}")

    def start_traffic(self) -> None:
        for port, size, pause, n in ((self.demo["web"], 16384, 0.05, 6),
                                     (self.demo["db"], 1024, 0.2, 3)):
            for k in range(n):
                t = threading.Thread(target=chatter, daemon=True,
                                     args=(port, size * (k + 1), pause, self.stop))
                t.start()
                self.clients.append(t)
        self._select("Web mirror")
        self.window.tabs.setCurrentIndex(0)

    def shoot_main(self) -> None:
        self._save(self.window.grab(), "main-window.png")

    def churn(self) -> None:
        """Close one connection from the table (it turns grey), open a new one (highlighted)."""
        table = self.window.connection_table
        table.selectRow(1)
        self.window.close_conn_action.trigger()
        t = threading.Thread(target=chatter, daemon=True,
                             args=(self.demo["web"], 2048, 0.05, self.stop))
        t.start()
        self.clients.append(t)

    def shoot_connections(self) -> None:
        self.window.connection_table.clearSelection()
        self._save(self.window.tabs.grab(), "connections.png")

    def select_blog(self) -> None:
        self._select("My blog")
        self.window.tabs.setCurrentIndex(1)

    def shoot_details(self) -> None:
        self._save(self.window.grab(), "details.png")

    def open_editor(self) -> None:
        from i2ptunnel_gui.core.spec import TunnelKind

        spec = next(s for s in self.demo["specs"] if s.kind is TunnelKind.CLIENT)
        self.editor = self.window.open_editor(self.window.tunnel_model.spec_of(spec.id),
                                              spec.kind)
        self.editor.move(200, 60)

    def shoot_editor(self) -> None:
        self._save(self.editor.grab(), "editor.png")
        self.editor.reject()

    def open_tray_menu(self) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QApplication, QMenu

        menu = next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMenu) and w.objectName() == "tray_menu"), None)
        if menu is None:
            raise RuntimeError("no tray menu: is a system tray running?")
        self.tray_menu = menu
        geo = menu.sizeHint()
        menu.popup(QPoint(SCREEN[0] - geo.width() - 4, 30))

    def shoot_tray(self) -> None:
        from PySide6.QtGui import QGuiApplication

        menu = self.tray_menu
        screen = QGuiApplication.primaryScreen().grabWindow(0)
        g = menu.geometry()
        # the menu plus the tray bar above it (top right corner of the screen)
        left = max(0, g.left() - 120)
        self._save(screen.copy(left, 0, SCREEN[0] - left, g.bottom() + 12), "tray-menu.png")
        self._save(screen, "desktop.png")
        menu.hide()

    def quit(self) -> None:
        self.stop.set()
        from PySide6.QtWidgets import QAbstractButton

        self.window.quit_action.trigger()
        box = self.window.quit_guard.box
        if box is not None:  # tunnels run, so Quit asks first (ui/quit_guard.py)
            box.findChild(QAbstractButton, "quit_and_stop").click()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    p.add_argument("--display", type=int, default=91)
    add_look_options(p)
    args = p.parse_args()
    set_language(args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="i2ptunnel-gui-shots-"))
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache"),
                     ("XDG_RUNTIME_DIR", "run")):
        (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[var] = str(home / sub)
    os.environ["DISPLAY"] = f":{args.display}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    xvfb = start_display(args.display)
    trayer = subprocess.Popen(["trayer", "--edge", "top", "--align", "right",
                               "--widthtype", "request", "--height", "28",
                               "--SetDockType", "true", "--transparent", "false",
                               "--tint", "0x303030", "--iconspacing", "4"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    echo = Echo()
    router = DemoRouter()
    try:
        time.sleep(1.0)  # trayer owns the tray selection before the app looks for it
        demo = demo_settings(home / "demo.ini", echo.port, router.address)
        from PySide6.QtWidgets import QApplication

        from i2ptunnel_gui.commands.cli import build_parser
        from i2ptunnel_gui.ui import app as app_module

        qapp = QApplication([sys.argv[0]])
        apply_look(qapp, args.dark)
        director = Director(out, demo, args.lang, args.dark)
        code = app_module.run(build_parser().parse_args(["--settings", str(home / "demo.ini")]))
        director.stop.set()
        for t in director.clients:
            t.join(5)
        del qapp
        for path in director.saved:
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        if len(director.saved) < 6:
            print(f"only {len(director.saved)} screenshots were taken", file=sys.stderr)
            return 1
        return code
    finally:
        echo.close()
        router.close()
        for proc in (trayer, xvfb):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

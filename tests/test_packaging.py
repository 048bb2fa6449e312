"""Packaging: one app id everywhere, valid desktop metadata, a wheel that carries the
icons, and a PyInstaller bundle that really starts."""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from i2ptunnel_gui import APP_ID, __version__, shipped_files

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / f"{APP_ID}.yml"
APP_ICON = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install {package} (scripts/setup.sh test does)")
    return path


def check_tool(*argv: str) -> None:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, f"{' '.join(argv)} failed:\n{proc.stdout}{proc.stderr}"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_one_app_id_everywhere() -> None:
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z0-9]+){2,}", APP_ID), APP_ID
    assert APP_ICON.is_file()
    assert desktop_entry()["Icon"] == APP_ID
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("icon") == APP_ID
    assert f"app-id: {APP_ID}" in FLATPAK.read_text(encoding="utf-8")


def test_launcher_and_binary_match_the_entry_point() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        scripts = tomllib.load(f)["project"]["scripts"]
    binary = ET.parse(METAINFO).getroot().findtext("provides/binary")
    assert binary in scripts
    assert desktop_entry()["Exec"].split()[0] == binary


def test_metainfo_release_is_the_package_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def test_desktop_file_validates() -> None:
    check_tool(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))


def test_metainfo_validates() -> None:
    check_tool(tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))


def test_flatpak_manifest_permissions() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    for needle in (
        "base: io.qt.PySide.BaseApp",
        "--share=network",
        "--socket=wayland",
        "--socket=fallback-x11",
        "--talk-name=org.kde.StatusNotifierWatcher",
        "--no-index",
        "command: i2ptunnel-gui",
    ):
        assert needle in text, f"{FLATPAK.name} lacks {needle!r}"
    assert "--share=network" in text and "--filesystem=host" not in text


# ---- resources: the accessor from the source tree and from the wheel ------------------


def test_resource_accessor_in_source_tree() -> None:
    assert shipped_files.icon_path().read_bytes() == APP_ICON.read_bytes()
    with pytest.raises(FileNotFoundError, match=r"no-such\.svg"):
        shipped_files.resource("icons/no-such.svg")
    with pytest.raises(ValueError, match="inside resources"):
        shipped_files.resource("../pyproject.toml")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel with hatchling itself (no isolated env: the tests run offline)."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"wheel build failed:\n{proc.stdout}{proc.stderr}"
    (built,) = out.glob("i2ptunnel_gui-*.whl")
    return built


def test_wheel_carries_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = sorted(p for p in (ROOT / "resources").rglob("*") if p.is_file())
    assert APP_ICON in sources
    missing = [
        str(p)
        for p in sources
        if f"i2ptunnel_gui/resources/{p.relative_to(ROOT / 'resources').as_posix()}" not in names
    ]
    assert not missing, f"not in {wheel.name}: {missing}"
    assert "i2ptunnel_gui/shipped_files.py" in names


def test_resource_accessor_in_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = "from i2ptunnel_gui import shipped_files; print(shipped_files.icon_path())"
    proc = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    found = Path(proc.stdout.strip())
    assert found.is_relative_to(site), f"icon came from {found}, not the wheel"
    assert found.read_bytes() == APP_ICON.read_bytes()


# ---- PyInstaller: build once, then start the bundle --------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' brings PyInstaller")
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [str(ROOT / "scripts" / "build-pyinstaller.sh"), str(dist)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, f"PyInstaller build failed:\n{proc.stdout}{proc.stderr[-4000:]}"
    return dist / "i2ptunnel-gui" / "i2ptunnel-gui"


@pytest.mark.slow
def test_bundle_version(bundle: Path) -> None:
    proc = subprocess.run([bundle, "--version"], capture_output=True, text=True, timeout=30)
    assert proc.stdout.strip() == f"i2ptunnel-gui {__version__}"


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """One stdout line, or fail after `timeout` s (a hung app must not hang the suite)."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"no output within {timeout} s"
    return proc.stdout.readline()


@pytest.mark.slow
def test_bundle_forward_relays(bundle: Path) -> None:
    """The frozen CLI (lazily imported command, engine, relay) serves one connection."""
    with socket.create_server(("127.0.0.1", 0)) as target:
        target.settimeout(10)
        port = target.getsockname()[1]
        app = subprocess.Popen(
            [bundle, "forward", "--listen", "127.0.0.1:0", "--target", f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            ready = read_line(app, 30)
            assert ready.startswith("READY "), f"no READY line: {ready!r}"
            host, _, listen_port = ready.split()[1].rpartition(":")
            with socket.create_connection((host.strip("[]"), int(listen_port)), timeout=10) as c:
                c.settimeout(10)
                conn, _ = target.accept()
                with conn:
                    conn.sendall(b"through the bundle")
                    assert c.recv(100) == b"through the bundle"
        finally:
            app.send_signal(signal.SIGTERM)
            _, err = app.communicate(timeout=15)
    assert app.returncode == 0, err


@pytest.mark.slow
def test_bundle_gui_starts_offscreen(bundle: Path, tmp_path: Path) -> None:
    """Qt, its plugins and the icons are in the bundle: the window comes up offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [bundle, "--settings", str(tmp_path / "s.ini")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            app.wait(timeout=5)  # still running after 5 s: it started and did not crash
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=15)
    assert "Traceback" not in err, err
    assert "Could not load the Qt platform plugin" not in err, err

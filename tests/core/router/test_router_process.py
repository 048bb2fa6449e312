"""Finding i2pd, its command line, and the captured log."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_i2pd import install_fake_i2pd

from i2ptunnel_gui.core.router import process
from i2ptunnel_gui.core.router.datadir import RouterLayout
from i2ptunnel_gui.core.router.errors import RouterNotFound
from i2ptunnel_gui.core.router.process import RouterLog, command_line, find_i2pd


def test_configured_binary_is_used_or_refused_clearly(tmp_path: Path) -> None:
    binary = install_fake_i2pd(tmp_path / "bin")
    assert find_i2pd(str(binary)) == binary
    with pytest.raises(RouterNotFound, match=r"i2pd not found at /nope/i2pd .*apt install i2pd"):
        find_i2pd("/nope/i2pd")
    (tmp_path / "plain").write_text("")
    with pytest.raises(RouterNotFound, match=r"not an executable file"):
        find_i2pd(str(tmp_path / "plain"))


def test_path_is_searched_then_the_distribution_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = install_fake_i2pd(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(binary.parent))
    assert find_i2pd() == binary
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(process, "FALLBACK_BINARIES", (str(binary),))
    assert find_i2pd() == binary
    monkeypatch.setattr(process, "FALLBACK_BINARIES", (str(tmp_path / "none"),))
    with pytest.raises(RouterNotFound, match=r"i2pd not found on PATH: install it.*External"):
        find_i2pd()


def test_command_line_pins_every_path_to_the_data_dir(tmp_path: Path) -> None:
    layout = RouterLayout(tmp_path)
    argv = command_line(Path("/usr/sbin/i2pd"), layout)
    assert argv == [
        "/usr/sbin/i2pd",
        f"--datadir={tmp_path}",
        f"--conf={tmp_path}/i2pd.conf",
        f"--tunconf={tmp_path}/tunnels.conf",
        f"--tunnelsdir={tmp_path}/tunnels.d",
        f"--pidfile={tmp_path}/i2pd.pid",
        "--log=stdout",
    ]


def test_log_strips_colours_keeps_the_last_lines_and_tells_listeners(tmp_path: Path) -> None:
    log = RouterLog(tmp_path / "i2pd.log", lines=3)
    seen: list[str] = []
    unsubscribe = log.subscribe(seen.append)
    for i in range(5):
        log.add(f"12:00:00@1/\x1b[1;36minfo\x1b[0m - line {i}\n")
    assert list(log.lines) == [f"12:00:00@1/info - line {i}" for i in (2, 3, 4)]
    assert log.tail(2) == "12:00:00@1/info - line 3 | 12:00:00@1/info - line 4"
    assert len(seen) == 5
    unsubscribe()
    log.add("after")
    assert len(seen) == 5
    assert (tmp_path / "i2pd.log").read_text().count("\n") == 6
    assert (tmp_path / "i2pd.log").stat().st_mode & 0o777 == 0o600


def test_log_file_is_rotated_at_its_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(process, "LOG_FILE_MAX", 100)
    log = RouterLog(tmp_path / "i2pd.log")
    for i in range(20):
        log.add(f"line {i:02d} " + "x" * 20)
    assert (tmp_path / "i2pd.log.1").exists()
    assert (tmp_path / "i2pd.log").stat().st_size <= 100 + 40
    assert "line 19" in (tmp_path / "i2pd.log").read_text()


def test_unwritable_log_file_does_not_stop_the_log(tmp_path: Path) -> None:
    log = RouterLog(tmp_path / "missing-dir" / "i2pd.log")
    log.add("still kept")
    assert list(log.lines) == ["still kept"] and log.path is None


def test_i2pds_complaint_about_our_own_token_parameter_is_left_out(tmp_path: Path) -> None:
    log = RouterLog(None)
    log.add("08:34:16@823/\x1b[1;31merror\x1b[0m - I2PControl: RouterInfo unknown request Token")
    log.add("08:34:16@823/error - I2PControl: RouterInfo unknown request i2p.router.foo")
    assert list(log.lines) == [
        "08:34:16@823/error - I2PControl: RouterInfo unknown request i2p.router.foo"
    ]

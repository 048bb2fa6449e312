#!/usr/bin/env bash
# Build the one-folder PyInstaller app and check that it runs.
#
#   usage: scripts/build-pyinstaller.sh [DIST_DIR]     (default: dist/)
#   result: DIST_DIR/i2ptunnel-gui/i2ptunnel-gui
#
# Needs the project's venv with PyInstaller (`pip install -e '.[test]'` or '.[dev]').
# tests/test_packaging.py runs this and then starts the built app offscreen.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/i2ptunnel-gui-pyinstaller.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
PY="${PYTHON:-$ROOT/.venv/bin/python}"

"$PY" -c 'import PyInstaller' 2>/dev/null ||
    { echo "build-pyinstaller: PyInstaller is not installed in $PY (pip install pyinstaller)" >&2; exit 2; }

start=$SECONDS
"$PY" "$ROOT/hatch_build.py" >/dev/null  # the .qm translations the bundle's resources carry
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/i2ptunnel-gui.spec"
APP="$DIST/i2ptunnel-gui/i2ptunnel-gui"
[[ -x "$APP" ]] || { echo "build-pyinstaller: $APP was not built" >&2; exit 1; }

want="i2ptunnel-gui $("$PY" -c 'import i2ptunnel_gui; print(i2ptunnel_gui.__version__)')"
got="$("$APP" --version)"
[[ "$got" == "$want" ]] || { echo "build-pyinstaller: '$APP --version' said '$got', want '$want'" >&2; exit 1; }
echo "build-pyinstaller: built $APP ($(du -sh "$DIST/i2ptunnel-gui" | cut -f1)) in $((SECONDS - start)) s" >&2

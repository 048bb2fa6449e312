#!/usr/bin/env bash
# One command from a fresh Debian/Ubuntu machine to the running app, or to the test run.
#
#   ./scripts/setup.sh run  [APP ARGS...]     system libs + i2pd (its service not started)
#                                             + .venv + the app (its private router: i2pd)
#   ./scripts/setup.sh test [PYTEST ARGS...]  + test tools and i2pd, then the whole pytest
#                                             suite inside a loopback-only network namespace
#
# Needs root or sudo for apt. Idempotent: a re-run skips apt when every package is already
# installed and skips pip when pyproject.toml has not changed since the last install.
# Works unattended (CI=true, no stdin, no display). PYTHON=... picks the interpreter (>= 3.11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

usage() {
    echo "usage: $0 run [APP ARGS...] | test [PYTEST ARGS...]" >&2
    exit 2
}
[[ $# -ge 1 ]] || usage
MODE="$1"
shift
[[ "$MODE" == run || "$MODE" == test ]] || usage

export DEBIAN_FRONTEND=noninteractive PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"

# Qt 6 offscreen needs the first line; a real X window (and the tray) the rest.
RUNTIME_PKGS=(
    python3 python3-venv ca-certificates
    libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
    libxkbcommon0 libbrotli1
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
)
TEST_PKGS=(
    socat iproute2 util-linux procps desktop-file-utils appstream xvfb xauth
    curl chromium  # proxy tunnel proofs: curl -x / --socks5-hostname, a headless browser
)

T_START=$SECONDS
T_STEP=$SECONDS
step() {
    echo "[setup] $*  (+$((SECONDS - T_STEP)) s, total $((SECONDS - T_START)) s)" >&2
    T_STEP=$SECONDS
}
die() {
    echo "[setup] ERROR: $*" >&2
    exit 1
}

# root only for what needs it (apt, policy-rc.d): a re-run with everything installed
# works as a plain user without sudo
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "'$*' needs root: run as root or install sudo"
    fi
}

# Packages (or virtual names such as libglib2.0-0 on t64 Ubuntu) not installed yet.
missing_pkgs() {
    local have
    have="$(dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null |
        awk '$1 == "installed" { $1 = ""; gsub(/\([^)]*\)|,/, " "); print }' | tr ' ' '\n' |
        sed 's/:.*//' | sort -u)"
    local p
    for p in "$@"; do
        grep -qxF -- "$p" <<<"$have" || echo "$p"
    done
}

APT_UPDATED=0
apt_install() {
    local missing
    mapfile -t missing < <(missing_pkgs "$@")
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"
    if [[ $APT_UPDATED == 0 ]]; then
        as_root apt-get update -q || die "apt-get update failed"
        APT_UPDATED=1
    fi
    echo "[setup] apt-get install ${missing[*]}" >&2
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null ||
        die "apt-get install failed for: ${missing[*]}"
}

# i2pd's postinst starts a NETWORKED router (invoke-rc.d i2pd start). Tests only ever run
# it inside a loopback-only namespace and the app as its own child (Managed mode), so
# block the start with a policy-rc.d that exits 101, keep the service from starting at
# boot, and (for tests) prove nothing runs afterwards. An i2pd already installed is left
# exactly as it is.
POLICY=/usr/sbin/policy-rc.d
POLICY_BACKUP="$POLICY.i2ptunnel-gui-backup"
restore_policy() {
    if [[ -e "$POLICY_BACKUP" ]]; then
        as_root mv -f "$POLICY_BACKUP" "$POLICY"
    elif [[ "${POLICY_CREATED:-0}" == 1 ]]; then
        as_root rm -f "$POLICY"
    fi
}
install_i2pd() {
    [[ -n "$(missing_pkgs i2pd)" ]] || return 0
    local rc=0
    if [[ -e "$POLICY" ]]; then
        "$POLICY" i2pd start >/dev/null 2>&1 || rc=$?
    fi
    if [[ $rc != 101 ]]; then
        # absent, or present but allowing starts: put ours in place for this install only
        [[ -e "$POLICY" ]] && as_root cp -p "$POLICY" "$POLICY_BACKUP"
        [[ -e "$POLICY" ]] || POLICY_CREATED=1
        printf '#!/bin/sh\n# i2ptunnel-gui setup.sh: no service starts during this install\nexit 101\n' |
            as_root tee "$POLICY" >/dev/null
        as_root chmod 755 "$POLICY"
        trap restore_policy EXIT
    fi
    apt_install i2pd
    restore_policy
    trap - EXIT
    # not at boot either (both tools only edit links; neither starts anything)
    if command -v deb-systemd-helper >/dev/null; then
        as_root deb-systemd-helper disable i2pd.service >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null; then
        as_root update-rc.d i2pd disable >/dev/null 2>&1 || true
    fi
}

# i2pd may run only where loopback is the sole interface (our tests, or other users'
# test runs). /proc/PID/net/dev lists the interfaces of that process's network namespace
# and is readable without privileges; a process we cannot inspect counts as outside.
check_no_i2pd() {
    local pid ifaces outside=()
    for pid in $(pgrep -x i2pd || true); do
        ifaces="$(awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' "/proc/$pid/net/dev" \
            2>/dev/null)" || { [[ -e "/proc/$pid" ]] || continue; }  # exited meanwhile
        [[ "$ifaces" == lo ]] || outside+=("$pid")
    done
    if [[ ${#outside[@]} -gt 0 ]]; then
        ps -o pid,user,args -p "${outside[*]}" >&2 || true
        die "i2pd runs with a network interface other than lo (pid ${outside[*]});" \
            "stop it before testing"
    fi
}

make_venv() {
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
        return 0
    fi
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "$("$PYTHON" -V 2>&1) is too old: Python >= 3.11 is needed (set PYTHON=...)"
    "$PYTHON" -m venv "$VENV" || die "could not create $VENV (is python3-venv installed?)"
}

pip_install() {
    local target="$1" stamp="$VENV/.setup-stamp-$MODE"
    local want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] &&
        "$VENV/bin/python" -c 'import i2ptunnel_gui' 2>/dev/null; then
        return 0
    fi
    "$VENV/bin/python" -m pip install -q -e "$target" || die "pip install -e $target failed"
    echo "$want" >"$stamp"
}

# the UI translations (resources/i18n/*.ts -> *.qm, gitignored): pip's editable build
# compiles them too, but a re-run skips pip, and .ts files may have changed since
compile_translations() {
    "$VENV/bin/python" "$ROOT/hatch_build.py" >/dev/null ||
        die "could not compile the translations (hatch_build.py)"
}

apt_install "${RUNTIME_PKGS[@]}"
if [[ $MODE == run ]]; then
    # the app's private router (Managed mode) runs i2pd itself; the system service stays off
    install_i2pd
fi
if [[ $MODE == test ]]; then
    apt_install "${TEST_PKGS[@]}"
    install_i2pd
    check_no_i2pd
fi
step "system packages ready"

make_venv
step "venv ready ($("$VENV/bin/python" -V))"

if [[ $MODE == run ]]; then
    pip_install .
    compile_translations
    step "app installed"
    exec "$VENV/bin/i2ptunnel-gui" "$@"
fi

pip_install '.[test]'
compile_translations
step "project and test tools installed"

rc=0
"$ROOT/scripts/in-netns.sh" "$VENV/bin/python" -m pytest "$@" || rc=$?
step "pytest finished (exit $rc)"
check_no_i2pd
case $rc in
    0) ;;
    5) die "pytest collected no tests (exit 5): check the selection '$*'" ;;
    *) die "tests failed (pytest exit $rc)" ;;
esac

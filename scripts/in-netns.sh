#!/usr/bin/env bash
# Run a command inside a fresh network namespace that has nothing but loopback.
#
#   usage: scripts/in-netns.sh COMMAND [ARGS...]
#
# The whole test suite runs this way so that nothing it starts (the relay, a fake SAM
# bridge, a real i2pd) can reach beyond 127.0.0.0/8 and [::1]. A private PID namespace
# with its own /proc means nothing started inside outlives the command: when the
# namespace's PID 1 exits the kernel kills everything left in it, and --kill-child
# tears the namespace down if this script is killed.
#
# As root the namespaces are created directly; otherwise inside a user namespace
# (--map-root-user), so no sudo is needed where unprivileged user namespaces are allowed.
set -euo pipefail

if [[ "${_I2PTG_IN_NETNS:-0}" != 1 ]]; then
    if [[ $# -eq 0 ]]; then
        echo "usage: $0 COMMAND [ARGS...]" >&2
        exit 2
    fi
    for tool in unshare ip; do
        if ! command -v "$tool" >/dev/null; then
            echo "in-netns: '$tool' not found (apt-get install util-linux iproute2)" >&2
            exit 2
        fi
    done
    userns=()
    [[ $EUID -eq 0 ]] || userns=(--map-root-user)
    # the host's namespace id, so the inside can prove it is somewhere else
    export _I2PTG_IN_NETNS=1 _I2PTG_HOST_NETNS
    _I2PTG_HOST_NETNS="$(readlink /proc/self/ns/net)"
    exec unshare "${userns[@]}" --net --pid --fork --mount-proc --kill-child \
        "$(readlink -f "${BASH_SOURCE[0]}")" "$@"
fi

# ---- inside: we are PID 1 of the new PID namespace -------------------------------
unset _I2PTG_IN_NETNS
if [[ "$(readlink /proc/self/ns/net)" == "${_I2PTG_HOST_NETNS:-}" ]]; then
    echo "in-netns: REFUSING: still in the host's network namespace" >&2
    exit 90
fi
ip link set lo up
others="$(ip -o link show | awk -F': ' '$2 != "lo" {print $2}')"
if [[ -n "$others" ]]; then
    echo "in-netns: REFUSING: interfaces other than lo are visible: ${others//$'\n'/ }" >&2
    exit 91
fi

# Run the command as a foreground child instead of exec'ing it: bash as PID 1 reaps
# orphaned grandchildren, and the command is not PID 1, whose default-action signals
# (SIGTERM) the kernel would drop. Ctrl-C and a CI runner's process-group kill reach the
# command directly (same process group); unshare itself ignores SIGINT/SIGTERM.
rc=0
"$@" || rc=$?
exit "$rc"

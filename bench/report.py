"""Shared reporting: machine facts, markdown tables, PASS/FAIL lines, JSON, docs sections."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procstat import cpu_busy_percent, loadavg

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
DOC = REPO / "docs" / "BENCHMARKS.md"


@dataclass
class Target:
    name: str
    value: float | None
    limit: float
    at_least: bool  # True: value >= limit passes; False: value <= limit passes
    stretch: bool = False
    note: str = ""  # e.g. a confidence interval: how far to trust the verdict

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        op = "≥" if self.at_least else "≤"
        kind = " (stretch)" if self.stretch else ""
        note = f"; {self.note}" if self.note else ""
        # enough decimals that a FAIL never prints the limit itself (0.5997 vs ≥ 0.60)
        digits = 3
        while (self.value is not None and not self.passed and digits < 6
               and round(self.value, digits) == self.limit):
            digits += 1
        return (f"- **{verdict}**{kind} {self.name}: {fmt(self.value, digits)} "
                f"(target {op} {fmt(self.limit)}{note})")

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "limit": self.limit,
                "at_least": self.at_least, "stretch": self.stretch, "pass": self.passed,
                "note": self.note}


def fmt(v: float | int | None, digits: int = 2) -> str:
    if v is None:
        return "–"
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer() and abs(v) >= 100):
        return f"{int(v):,}".replace(",", " ")
    if abs(v) >= 100:
        return f"{v:,.0f}".replace(",", " ")
    return f"{v:.{digits}f}"


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def machine() -> dict[str, Any]:
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/meminfo", encoding="ascii") as f:
        mem_kib = int(f.readline().split()[1])
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
        "cpu": model, "cores": os.cpu_count(), "mem_gib": round(mem_kib / 2**20, 1),
        "kernel": platform.release(), "python": platform.python_version(),
        "socat": _socat_version(),
        "loadavg_start": loadavg(), "commit": _git_head(),
        "cpu_busy_before_pct": round(cpu_busy_percent(), 1),
    }


def _git_head() -> str:
    """The commit benchmarked, '+dirty' when the working tree has changes (read-only git)."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=5, check=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain",
                                "--untracked-files=no", "i2ptunnel_gui"],
                               capture_output=True, text=True, timeout=5, check=True)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def _socat_version() -> str:
    out = subprocess.run(["socat", "-V"], capture_output=True, text=True, timeout=5, check=False)
    m = re.search(r"socat version (\S+)", out.stdout)
    return m.group(1) if m else "?"


def machine_md(m: dict[str, Any]) -> str:
    la0 = " / ".join(f"{x:.2f}" for x in m["loadavg_start"])
    at = m.get("loadavg_phases", {})  # JSON round trips sort keys: keep the run's order
    phases = ", ".join(f"{k} {at[k][0]:.2f}" for k in ("bulk", "rate", "open") if k in at)
    return (f"Run {m['date_utc']} UTC, commit {m['commit']} · {m['cpu']} · {m['cores']} cores · "
            f"{m['mem_gib']} GiB · Linux {m['kernel']} · CPython {m['python']} · "
            f"socat {m['socat']}  \n"
            f"CPU busy in the 2 s before the run (other work): "
            f"{m['cpu_busy_before_pct']:.0f} % of all cores. "
            f"Load average (1/5/15 min) at start {la0}"
            + (f"; 1-min load when each phase began: {phases}" if phases else "")
            + ". Other work on the machine shows up here and skews absolute figures "
            "(socat's thousands of children raise it too); ratios are from the same run.")


def write_json(prefix: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = RESULTS / f"{prefix}-{stamp}.json"
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (RESULTS / f"{prefix}-latest.json").write_text(path.read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    return path


def rewrite_doc_section(marker: str, body: str, doc: Path = DOC) -> None:
    """Replace the text between `<!-- marker:begin -->` and `<!-- marker:end -->`."""
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = doc.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{doc}: markers {begin} / {end} not found; not rewriting")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    doc.write_text(f"{head}{begin}\n{body.strip()}\n{end}{tail}", encoding="utf-8")

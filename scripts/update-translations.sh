#!/usr/bin/env bash
# Refresh the translation sources from the code: every tr()/translate()/QT_TRANSLATE_NOOP
# text under i2ptunnel_gui/ goes into resources/i18n/i2ptunnel_gui_<lang>.ts.
#
#   ./scripts/update-translations.sh          de, ru (every text) and en (plural forms only)
#
# Existing translations are kept (lupdate merges); texts that left the code are marked
# obsolete and dropped (-no-obsolete); new ones come in as unfinished for a translator
# (docs/TRANSLATING.md). The .qm files are compiled by the build, not here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PY" ]] || PY="$(command -v python3)"
LUPDATE="$(dirname "$PY")/pyside6-lupdate"
[[ -x "$LUPDATE" ]] || LUPDATE="$(command -v pyside6-lupdate || true)"
[[ -n "$LUPDATE" ]] || { echo "update-translations: pyside6-lupdate not found (pip install PySide6-Essentials)" >&2; exit 2; }

OUT=resources/i18n
mkdir -p "$OUT"
# core/ imports no Qt: its Text("...") templates reach lupdate through ui/core_catalogue.py
"$PY" scripts/core_catalogue.py
# the package's sources, in a stable order so locations do not churn between runs
mapfile -t SOURCES < <(find i2ptunnel_gui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)

for lang in de ru; do
    "$LUPDATE" -silent -no-obsolete -locations relative -target-language "$lang" \
        "${SOURCES[@]}" -ts "$OUT/i2ptunnel_gui_$lang.ts"
done
# English is the source language: only its plural forms need a catalogue
"$LUPDATE" -silent -no-obsolete -pluralonly -locations relative -source-language en \
    -target-language en "${SOURCES[@]}" -ts "$OUT/i2ptunnel_gui_en.ts"

unfinished="$(grep -c 'type="unfinished"' "$OUT"/*.ts || true)"
echo "update-translations: updated $OUT; still to translate:" >&2
echo "$unfinished" | sed 's/^/    /' >&2

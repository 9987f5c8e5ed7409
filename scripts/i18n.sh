#!/usr/bin/env bash
# Refresh the English translation from the UI sources and compile it.
#   scripts/i18n.sh          update stationdesk_en.ts (keeps existing translations) + compile
#   scripts/i18n.sh --check  fail if the compiled .qm is missing or older than the .ts
set -euo pipefail
cd "$(dirname "$0")/.."
TS=resources/translations/stationdesk_en.ts
QM=resources/translations/stationdesk_en.qm
if [ "${1:-}" = "--check" ]; then
    [ -f "$QM" ] && [ "$QM" -nt "$TS" ] || { echo "run scripts/i18n.sh: $QM is stale"; exit 1; }
    exit 0
fi
.venv/bin/pyside6-lupdate -no-obsolete ui/*.py -ts "$TS"
.venv/bin/pyside6-lrelease "$TS" -qm "$QM"

#!/usr/bin/env bash
# Refresh the English translation from the UI sources and compile it.
#   scripts/i18n.sh          update stationdesk_en.ts (keeps existing translations) + compile
#   scripts/i18n.sh --check  fail unless the committed .qm is exactly the compiled .ts
set -euo pipefail
cd "$(dirname "$0")/.."
TS=stationdesk_resources/translations/stationdesk_en.ts
QM=stationdesk_resources/translations/stationdesk_en.qm
if [ "${1:-}" = "--check" ]; then
    fresh="$(mktemp --suffix=.qm)"
    .venv/bin/pyside6-lrelease -silent "$TS" -qm "$fresh"
    cmp -s "$fresh" "$QM" || { rm -f "$fresh"; echo "run scripts/i18n.sh: $QM is stale"; exit 1; }
    rm -f "$fresh"
    exit 0
fi
# The interface's own strings, and the error messages of the domain and of the district
# (marked in clerk/ and district/ with QT_TRANSLATE_NOOP("errors", …), shown by
# ui.common.operations.error_text).
mapfile -t DOMAIN < <(grep -rl --include='*.py' 'QT_TRANSLATE_NOOP' clerk district apiclient sync staff_client | sort)
.venv/bin/pyside6-lupdate -no-obsolete $(find ui -name "*.py" | sort) "${DOMAIN[@]}" -ts "$TS"
.venv/bin/pyside6-lrelease "$TS" -qm "$QM"

# shellcheck shell=bash
# Shared set-up for ./run and ./test: system packages, the virtualenv, pinned dependencies.
# Sourced, not executed. Idempotent and quick when everything is already there.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

log() { printf '[stationdesk] %s\n' "$*" >&2; }

# Debian/Ubuntu packages: Qt's runtime libraries and a TrueType CJK font for the app;
# poppler-utils (pdftotext, pdffonts, pdftoppm) and xvfb for the tests; Chromium with its
# driver (the progress page in a real browser) and zbar-tools (zbarimg reads printed QRs).
APP_DEBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 libasound2
          fonts-wqy-microhei)
TEST_DEBS=(poppler-utils xvfb xauth chromium chromium-driver zbar-tools gnome-keyring dbus)

ensure_debs() {
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: nothing we can check
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        log "installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        # libasound2 is named libasound2t64 on newer releases: install what exists.
        local installable=()
        for pkg in "${missing[@]}"; do
            if apt-cache show "$pkg" >/dev/null 2>&1; then installable+=("$pkg");
            elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then installable+=("${pkg}t64");
            else log "package $pkg not available here; skipping"; fi
        done
        [ ${#installable[@]} -gt 0 ] && apt-get install -y -qq --no-install-recommends \
            "${installable[@]}" >/dev/null
    else
        log "missing system packages: ${missing[*]}"
        log "install them with:  sudo apt-get install -y ${missing[*]}"
        return 1
    fi
}

ensure_venv() {
    local extras="$1"   # "" or "[test]"
    local stamp="$VENV/.stationdesk-installed$extras"
    local want
    want="$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)"
    if [ ! -x "$PY" ]; then
        log "creating virtualenv in .venv"
        python3 -m venv "$VENV"
    fi
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        log "installing pinned dependencies (constraints.txt)"
        "$PY" -m pip install -q --upgrade pip >/dev/null
        local stale
        mapfile -t stale < <("$PY" "$ROOT/scripts/stale_pins.py" "$ROOT/constraints.txt")
        if [ ${#stale[@]} -gt 0 ]; then
            log "removing packages no longer pinned: ${stale[*]}"
            "$PY" -m pip uninstall -q -y "${stale[@]}" >/dev/null
        fi
        "$PY" -m pip install -q -c "$ROOT/constraints.txt" -e "$ROOT$extras"
        echo "$want" > "$stamp"
    fi
}

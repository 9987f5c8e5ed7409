# shellcheck shell=bash
# Make the PostgreSQL server the district tests use reachable, starting it if it is
# installed but stopped. Exports STATIONDESK_PG_URL when it answers.

ensure_postgres() {
    local url="${STATIONDESK_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
    if command -v pg_isready >/dev/null 2>&1; then
        if ! pg_isready -q -h 127.0.0.1 -p 5432; then
            if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
                log "starting PostgreSQL"
                pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start \
                    || log "could not start PostgreSQL"
                for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
            fi
        fi
        if pg_isready -q -h 127.0.0.1 -p 5432; then
            export STATIONDESK_PG_URL="$url"
            return 0
        fi
    fi
    log "PostgreSQL is not reachable at 127.0.0.1:5432: its tests will be skipped"
    log "(CI sets STATIONDESK_REQUIRE_PG=1, which turns that skip into a failure)"
}

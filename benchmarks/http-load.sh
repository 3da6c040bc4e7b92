#!/usr/bin/env bash
# HTTP load on a running Waymark with the demo LA loaded: signs in as several
# roles, then drives each page kind (and a mix of all of them) with wrk and
# prints p50/p95/p99, throughput and errors. Needs wrk and curl, plus sqlite3
# or psql to pick real record ids and names from the database.
#
#   benchmarks/http-load.sh --database data/waymark.sqlite [--url http://127.0.0.1:8080] [--connections 64] [--duration 60s]
#   benchmarks/http-load.sh --database 'postgres://waymark:waymark@127.0.0.1:5432/waymark_bench'
#   benchmarks/http-load.sh --database … --pages api --connections 32 --api-token "$(waymark api-clients issue … --token-only)"
#
# The page kind "api" reads young people through GET /api/v1/people/{id}
# with an API client's bearer token (no session).
set -euo pipefail
url=http://127.0.0.1:8080 database= api_token= connections=64 duration=60s threads=2 pages="home search record queue figures mix"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --api-token) api_token=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$database" ] || { echo "--database is required (a SQLite file or a postgres:// URL)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

query() {
  case "$database" in
    postgres://*) psql "${database%%\?*}" -tA -c "$1" ;;
    *) sqlite3 "$database" "$1" ;;
  esac
}

# The session cookie of a demo user, signed in as a browser would.
sign_in() {
  local jar="$work/$1.jar"
  curl -s -c "$jar" -o /dev/null "$url/sign-in"
  local csrf
  csrf=$(awk '$6 == "waymark_csrf" { print $7 }' "$jar")
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$1@northmere.example" \
    --data-urlencode "password=northmere-demo" --data-urlencode "csrf=$csrf" "$url/sign-in"
  local session
  session=$(awk '$6 == "waymark_session" { print $7 }' "$jar")
  [ -n "$session" ] || { echo "could not sign in as $1" >&2; exit 1; }
  echo "waymark_session=$session"
}

if [ "$pages" = api ]; then
  [ -n "$api_token" ] || { echo "--pages api needs --api-token" >&2; exit 2; }
  adviser= tracker= manager= datamanager=
else
adviser=$(sign_in personal-adviser)
tracker=$(sign_in tracking-officer)
manager=$(sign_in manager)
datamanager=$(sign_in data-manager)
fi

query "select id from young_person order by random() limit 2000" | sed 's|^|/people/|' > "$work/record"
sed 's|^|/api/v1|' "$work/record" > "$work/api"
# Names percent-encoded as a browser sends them (a raw "ś" in a request line is refused with a 400).
query "select family_name from young_person order by random() limit 500" \
  | python3 -c 'import sys, urllib.parse; [print("/search?q=" + urllib.parse.quote_plus(line.strip())) for line in sys.stdin]' > "$work/search"
query "select date_of_birth from young_person order by random() limit 100" | sed 's|^|/search?q=|' >> "$work/search"
echo / > "$work/home"
printf '%s\n' "/queues?queue=not-known" "/queues?queue=lapsing&days=30" "/queues?queue=neet-no-contact&days=14" > "$work/queue"
echo /figures > "$work/figures"

cookie_for() {
  case "$1" in
    home|search|record) echo "$adviser" ;;
    queue) echo "$tracker" ;;
    figures) echo "$datamanager" ;;
  esac
}

run() {
  local name=$1 cookie=$2 list=$3
  local line
  local header="Cookie: $cookie"
  [ "$name" = api ] && header="Authorization: Bearer $api_token"
  line=$(WAYMARK_PATHS="$list" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -H "$header" \
    -s "$here/http-mix.lua" "$url" | grep '^RESULT' || true)
  printf '%-8s %s\n' "$name" "${line#RESULT }"
}

echo "Waymark HTTP load: $connections connections, $duration per page kind, $url ($(query 'select count(*) from young_person') people)"
for page in $pages; do
  if [ "$page" = mix ]; then
    # The mix: an adviser's day (home, search, records) beside a tracking officer's queue and a manager's home page.
    # The connections are shared out so the mix holds the same number in all.
    cat "$work/home" "$work/search" "$work/record" | shuf > "$work/mix-adviser"
    total=$connections
    connections=$((total / 2)); run "mix-pa" "$adviser" "$work/mix-adviser" &
    connections=$((total / 4)); run "mix-mgr" "$manager" "$work/home" &
    connections=$((total - total / 2 - total / 4)); run "mix-to" "$tracker" "$work/queue" &
    wait
    connections=$total
  else
    run "$page" "$(cookie_for "$page")" "$work/$page"
  fi
done

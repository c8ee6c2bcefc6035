#!/usr/bin/env bash
# Measures, in one run, the CPU time per request of four servers that
# answer GET /tasks/task_01 alike: the plainest net/http server
# (bench/baseline/http), step05-local, step06-stack, and step06's two
# apps in Flask on waitress (bench/baseline/todo_flask.py, skipped
# without Debian's python3-flask and python3-waitress). Each round
# measures every server once, one after the other, so that what else the
# machine does weighs on all of them; the table shows the median of the
# rounds.
#
#	bash bench/compare-http.sh [rounds [duration [clients]]]
#
# Defaults: 5 rounds of 5s, 50 keep-alive clients each getting
# /tasks/task_01. Every server listens on a free loopback port, and is
# stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-5} duration=${2:-5s} clients=${3:-50}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap "exit 1" INT TERM # exit, and so clean up, on Ctrl-C too

go build -o "$tmp/load" ./bench/load
go build -o "$tmp/nethttp" ./bench/baseline/http
go build -o "$tmp/step05" ./step05-local
go build -o "$tmp/step06" ./step06-stack

# The first python3 that has Flask and waitress: Debian's is
# /usr/bin/python3, which another python3 on the PATH may hide.
python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null &&
    "$p" -c 'import flask, waitress' 2>/dev/null; then
    python=$p
    break
  fi
done

names=() addrs=() spids=()
# start NAME COMMAND... runs a server on a free port, and waits for the
# line "listening on ADDR" that each of them logs first.
start() {
  local name=$1 log=$tmp/server${#names[@]}.log
  shift
  "$@" 2>"$log" &
  local pid=$!
  pids+=("$pid")
  local addr=""
  for _ in $(seq 100); do # at most 10s
    addr=$(sed -n 's/.*listening on \([0-9.:]*\).*/\1/p' "$log")
    [[ -n $addr ]] && break
    sleep 0.1
  done
  if [[ -z $addr ]]; then
    echo "$name did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  names+=("$name") addrs+=("$addr") spids+=("$pid")
}

start net/http "$tmp/nethttp" -addr 127.0.0.1:0
start step05 "$tmp/step05" -addr 127.0.0.1:0
start step06 "$tmp/step06" -addr 127.0.0.1:0
if [[ -n $python ]]; then
  start flask+waitress "$python" bench/baseline/todo_flask.py --port 0
else
  echo "no Flask or waitress: apt-get install python3-flask" \
    "python3-waitress to measure them too" >&2
fi

echo "$clients keep-alive clients, GET /tasks/task_01, $rounds rounds of $duration"
for round in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    out=$("$tmp/load" -proto http -addr "${addrs[$i]}" -clients "$clients" \
      -duration "$duration" -pid "${spids[$i]}")
    # "... 8013 requests/s, 46.3 us CPU/request": keep the two figures.
    read -r rps cpu < <(echo "$out" | awk '{ print $(NF-4), $(NF-2) }')
    echo "${names[$i]} $rps $cpu" >>"$tmp/results"
    printf 'round %s  %-15s %8s requests/s %8s us CPU/request\n' \
      "$round" "${names[$i]}" "$rps" "$cpu"
  done
done

# median NAME COLUMN prints the median of a column of NAME's results.
median() {
  awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$tmp/results" |
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo
printf '%-15s %12s %16s %10s\n' server requests/s "us CPU/request" "x net/http"
base=$(median net/http 3)
for name in "${names[@]}"; do
  cpu=$(median "$name" 3)
  printf '%-15s %12s %16s %10.1f\n' "$name" "$(median "$name" 2)" "$cpu" \
    "$(awk -v a="$cpu" -v b="$base" 'BEGIN { print a / b }')"
done

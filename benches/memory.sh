#!/usr/bin/env bash
# Peak memory (maximum resident set size) of every command on one large input,
# against issue 15's target: at most 4x the input + 30 MiB (3x the JSON's size
# when a saved document is opened).
#
#   benches/memory.sh [BIN] [INPUT]
#
# BIN defaults to target/release/attache. INPUT defaults to a ~100 MiB text
# made from the annotate bench's generator (ten copies of its 10 MB text,
# written with ATTACHE_BENCH_DUMP) in a temporary folder. Needs GNU time
# (/usr/bin/time -v). Prints one row per command: peak RSS in MiB, its ratio
# to the input, and "ok" or "OVER".
set -u
BIN=$(readlink -f "${1:-target/release/attache}")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/attache-mem.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
if [ $# -ge 2 ]; then
  BIG=$(readlink -f "$2")
else
  BIG=$TMP/big.txt
  ATTACHE_BENCH_DUMP=$TMP/ten.txt cargo bench --bench annotate -- --test >/dev/null 2>&1 \
    || { echo "could not generate the text (cargo bench --bench annotate)" >&2; exit 1; }
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$TMP/ten.txt"; done > "$BIG"
  rm -f "$TMP/ten.txt"
fi
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
size=$(stat -c %s "$BIG")
HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home XDG_DATA_HOME=$TMP/home
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"
"$BIN" annotate "$BIG" -o "$TMP/big.json" || exit 1
jsize=$(stat -c %s "$TMP/big.json")
echo "input $(mib "$size") MiB, its JSON $(mib "$jsize") MiB; target: 4x input + 30 MiB, 3x the JSON"
printf '%-44s %9s %7s\n' command "peak MiB" ratio
# run LIMIT_BYTES BASE_BYTES LABEL ARGS...: one command, its peak and verdict.
run() {
  limit=$1 base=$2 label=$3; shift 3
  /usr/bin/time -f %M -o "$TMP/rss" "$BIN" "$@" > "$TMP/out" 2> "$TMP/err" </dev/null \
    || { echo "$label: failed: $(head -c 300 "$TMP/err")"; return; }
  kb=$(tail -n 1 "$TMP/rss")
  verdict=ok
  [ $((kb * 1024)) -gt "$limit" ] && verdict=OVER
  printf '%-44s %9s %7s  %s\n' "$label" "$(mib $((kb * 1024)))" \
    "$(awk -v k="$kb" -v s="$base" 'BEGIN { printf "%.2fx", k * 1024 / s }')" "$verdict"
}
T=$((4 * size + 30 * 1048576))
J=$((3 * jsize))
run $T "$size" "annotate (stdout)" annotate "$BIG"
run $T "$size" "annotate -o" annotate "$BIG" -o "$TMP/again.json"
run $T "$size" "quotes" quotes "$BIG"
run $T "$size" "quotes --format json" quotes --format json "$BIG"
run $T "$size" "quotes --format csv" quotes --format csv "$BIG"
run $T "$size" "quotes --speaker Osei" quotes --speaker Osei "$BIG"
run $T "$size" "speakers" speakers "$BIG"
run $T "$size" "outline" outline "$BIG"
run $T "$size" "plain text (attache FILE | …)" "$BIG"
for to in w3c md html csv; do
  run $T "$size" "export --to $to" export "$BIG" --to $to
done
run $T "$size" "export --to brat -o DIR" export "$BIG" --to brat -o "$TMP/brat"
run $T "$size" "render (first frame)" render "$BIG" --size 120x40
run $T "$size" "render --keys G" render "$BIG" --size 120x40 --keys G
run $J "$jsize" "render BIG.json (x JSON size)" render "$TMP/big.json" --size 120x40
run $J "$jsize" "quotes BIG.json (x JSON size)" quotes "$TMP/big.json"
run $J "$jsize" "annotate BIG.json (x JSON size)" annotate "$TMP/big.json"

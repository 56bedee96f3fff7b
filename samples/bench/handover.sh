#!/usr/bin/env bash
# The GIL's handover cost: two busy threads at --switch-interval 1 (a drop at every instruction
# while the other waits), RUNS times (default 5) in fresh processes under --stats; prints the
# median handovers per second (min-max) and what that means per handover in microseconds.
# Usage: samples/bench/handover.sh [RUNS] [COUNT]   (COUNT: each thread's countdown, default 200000)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"
count="${2:-200000}"
rates=""
for _ in $(seq "$runs"); do
    rates+="$("$toy" --switch-interval 1 --stats "$here/handover.toy" "$count" 2>&1 >/dev/null |
        sed -n 's/^GIL: .*(\([0-9.]*\) per second).*/\1/p')"$'\n'
done
printf '%s' "$rates" | sort -g | awk -v runs="$runs" '{v[NR] = $1} END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "--switch-interval 1, 2 busy threads, %d runs: %.0f handovers/s (%.0f-%.0f), %.1f us per handover\n", runs, m, v[1], v[NR], 1e6 / m }'

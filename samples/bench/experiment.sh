#!/usr/bin/env bash
# The seed's experiment as a user writes it: samples/threads/countdown.toy times the countdown
# sequentially and then in 2 threads in one script, with no rehearsal. Runs it RUNS times
# (default 5), each in a fresh process, at 200,000,000 and 50,000,000, under the defaults and
# with --gil off, and prints the median sequential seconds and the median threads/sequential
# ratio with their spread (min-max); CPython 3.11 runs the same script once per run as well
# (samples/bench/countdown_threads.py, without --gil off: it has one GIL).
# Usage: samples/bench/experiment.sh [RUNS]     Python: $PYTHON (default python3)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"

# Prints "median (min-max)" of the numbers on standard input.
summary() { median_min_max | awk '{printf "%.3f (%.3f-%.3f)", $1, $2, $3}'; }

# Runs the experiment RUNS times with the given command; prints sequential and ratio summaries.
measure() {
    local out seq="" ratio=""
    for _ in $(seq "$runs"); do
        out="$("$@")"
        seq+="$(awk '/^sequential:/ {print $2}' <<<"$out")"$'\n'
        ratio+="$(awk '/^threads \/ sequential:/ {print $4}' <<<"$out")"$'\n'
    done
    printf '%-22s %-22s' "$(printf '%s' "$seq" | summary)" "$(printf '%s' "$ratio" | summary)"
}

printf '%s runs each, medians (min-max)\n' "$runs"
printf '%-12s %-16s %-22s %-22s\n' count run "sequential s" "threads / sequential"
for count in 200000000 50000000; do
    printf '%-12s %-16s %s\n' "$count" "toy" "$(measure "$toy" "$here/../threads/countdown.toy" "$count")"
    printf '%-12s %-16s %s\n' "$count" "toy --gil off" "$(measure "$toy" --gil off "$here/../threads/countdown.toy" "$count")"
    printf '%-12s %-16s %s\n' "$count" "CPython 3.11" "$(measure "$python" "$here/countdown_threads.py" "$count")"
done

#!/usr/bin/env bash
# The book's experiment under Toy's GIL: count down COUNT (default 50,000,000) in one thread,
# then split over 2 threads, under each GIL policy. Measured two ways:
#   cold: each figure is the best of 5 runs, each in a fresh process, so every run includes
#         the JIT compiling Toy's loop (and, with threads, that compiler competing for the cores);
#   warm: samples/threads/countdown.toy, which times both in one process, the threads after the
#         sequential count, whose compiled loop they run too; the median ratio of 5 runs.
# Usage: samples/bench/threads.sh [COUNT]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
count="${1:-50000000}"

median_warm_ratio() {
    for _ in 1 2 3 4 5; do
        "$toy" --gil "$1" "$here/../threads/countdown.toy" "$count" | awk '/^threads \/ sequential:/ {print $4}'
    done | sort -n | sed -n 3p
}

sequential="$(best 5 "$toy" "$here/threads.toy" sequential "$count")"
printf 'countdown(%s)                  cold: seconds   vs sequential   warm: vs sequential\n' "$count"
printf '  sequential, 1 thread             %8.3f\n' "$sequential"
for policy in handoff unfair off; do
    t="$(best 5 "$toy" --gil "$policy" "$here/threads.toy" threads "$count")"
    printf '  2 threads, --gil %-8s        %8.3f   %5.2fx          %5.2fx\n' "$policy" "$t" \
        "$(awk -v a="$t" -v b="$sequential" 'BEGIN {print a / b}')" "$(median_warm_ratio "$policy")"
done

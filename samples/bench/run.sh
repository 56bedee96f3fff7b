#!/usr/bin/env bash
# Times the sequential countdown in Toy and in CPython and prints how many times faster Toy is.
# Each side runs 3 times; the best run counts (the least disturbed by the rest of the machine).
# Usage: samples/bench/run.sh [COUNT]      (default 50000000)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
count="${1:-50000000}"

toy_s="$(best 3 "$toy" "$here/countdown.toy" "$count")"
cpython="$(best 3 "$python" "$here/countdown.py" "$count")"
printf 'countdown(%s)\n' "$count"
printf '  Toy      %8.3f s\n' "$toy_s"
printf '  %-8s %8.3f s   (%s)\n' "CPython" "$cpython" "$("$python" --version 2>&1)"
awk -v t="$toy_s" -v c="$cpython" 'BEGIN {printf "  Toy is %.1fx as fast as CPython\n", c / t}'

#!/usr/bin/env bash
# Times the sequential countdown in Toy and in CPython and prints how many times faster Toy is.
# Each side runs 3 times; the best run counts (the least disturbed by the rest of the machine).
# Usage: samples/bench/run.sh [COUNT]      (default 50000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
count="${1:-50000000}"
python="${PYTHON:-python3}"

best() {
    local best=""
    for _ in 1 2 3; do
        local t
        t="$("$@" | awk '/^seconds:/ {print $2}')"
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best="$t"
        fi
    done
    echo "$best"
}

"$root/toy" "$here/countdown.toy" 1000 >/dev/null   # builds Toy if needed, outside the timing
toy="$(best "$root/toy" "$here/countdown.toy" "$count")"
cpython="$(best "$python" "$here/countdown.py" "$count")"
printf 'countdown(%s)\n' "$count"
printf '  Toy      %8.3f s\n' "$toy"
printf '  %-8s %8.3f s   (%s)\n' "CPython" "$cpython" "$("$python" --version 2>&1)"
awk -v t="$toy" -v c="$cpython" 'BEGIN {printf "  Toy is %.1fx as fast as CPython\n", c / t}'

#!/usr/bin/env bash
# Runs each program of samples/bench/programs/ in Toy and in CPython, alternating, RUNS times each
# (default 5), every run in a fresh process, and prints per program the median seconds, the spread
# (fastest-slowest run), and how many times as fast Toy is (CPython's median / Toy's median), then
# the geometric mean of those ratios. Each program times itself from its first line with clock()
# (time.perf_counter() in Python), so JVM start-up is excluded and the JIT's warm-up included.
# Usage: samples/bench/compare.sh [RUNS] [PROGRAM...]    Python: $PYTHON (default python3)
#        TOY_OPTS="--gil off" samples/bench/compare.sh    passes options to toy
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"
shift || true
programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
    programs=(fib closures sieve strings words tally globals floats)
fi

seconds() { "$@" | awk '/^seconds:/ {print $2}'; }

printf '%s runs each, %s, %s, %s\n' "$runs" "$(java -version 2>&1 | head -1)" "$("$python" --version 2>&1)" "$(date -u +%FT%RZ)"
printf '%-9s %22s %22s %8s\n' program "Toy s (min-max)" "CPython s (min-max)" "Toy is"
logsum=0
for p in "${programs[@]}"; do
    toy_times=""
    py_times=""
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086  # TOY_OPTS is a list of options
        toy_times+="$(seconds "$toy" ${TOY_OPTS:-} "$here/programs/$p.toy")"$'\n'
        py_times+="$(seconds "$python" "$here/programs/$p.py")"$'\n'
    done
    read -r tm tlo thi < <(printf '%s' "$toy_times" | median_min_max)
    read -r pm plo phi < <(printf '%s' "$py_times" | median_min_max)
    ratio="$(awk -v t="$tm" -v p="$pm" 'BEGIN {printf "%.2f", p / t}')"
    logsum="$(awk -v s="$logsum" -v r="$ratio" 'BEGIN {print s + log(r)}')"
    printf '%-9s %6.3f (%.3f-%.3f) %6.3f (%.3f-%.3f) %7.2fx\n' "$p" "$tm" "$tlo" "$thi" "$pm" "$plo" "$phi" "$ratio"
done
awk -v s="$logsum" -v n="${#programs[@]}" 'BEGIN {printf "geometric mean: Toy is %.2fx as fast as CPython\n", exp(s / n)}'

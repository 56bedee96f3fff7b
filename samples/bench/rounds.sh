#!/usr/bin/env bash
# Runs each program of samples/bench/rounds/ (a benchmark's body repeated in 6 rounds in one
# process, its phases timed apart with clock()) in Toy and in CPython, alternating, RUNS times
# each (default 3), every run a fresh process, and prints per phase the median seconds of the
# first round (warm-up included: what compare.sh measures), of the second, and of rounds 3-5
# (the steady state), over all runs. Tells the JIT's warm-up from the cost of the code it makes.
# Usage: samples/bench/rounds.sh [RUNS] [PROGRAM...]    Python: $PYTHON (default python3)
#        TOY_OPTS="--gil off" samples/bench/rounds.sh    passes options to toy
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-3}"
shift || true
programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
    programs=(strings words)
fi

printf '%s runs each, %s, %s, %s\n' "$runs" "$(java -version 2>&1 | head -1)" "$("$python" --version 2>&1)" "$(date -u +%FT%RZ)"
printf '%-9s %-8s%27s%27s\n' program phase "Toy s: 1st  2nd  3-5" "CPython s: 1st  2nd  3-5"

# Reads "round N PHASE SECONDS PHASE SECONDS ..." lines; prints per phase, in order of first
# appearance, the medians of round 0, of round 1 and of rounds 3 and up.
medians() {
    awk '
        function median(list,    n, v, i, j, t) {
            n = split(list, v, " ")
            for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
            return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }
        $1 == "round" {
            for (i = 3; i < NF; i += 2) {
                p = $i
                if (!(p in seen)) { seen[p] = 1; order[++phases] = p }
                key = ($2 == 0 ? "first" : $2 == 1 ? "second" : $2 >= 3 ? "steady" : "")
                if (key != "") values[p, key] = values[p, key] " " $(i + 1)
            }
        }
        END {
            for (k = 1; k <= phases; k++) {
                p = order[k]
                printf "%s %.3f %.3f %.3f\n", p, median(values[p, "first"]), median(values[p, "second"]), median(values[p, "steady"])
            }
        }'
}

for p in "${programs[@]}"; do
    toy_out=""
    py_out=""
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086  # TOY_OPTS is a list of options
        toy_out+="$("$toy" ${TOY_OPTS:-} "$here/rounds/$p.toy")"$'\n'
        py_out+="$("$python" "$here/rounds/$p.py")"$'\n'
    done
    paste -d' ' <(printf '%s' "$toy_out" | medians) <(printf '%s' "$py_out" | medians) |
        while read -r phase t1 t2 t3 _ c1 c2 c3; do
            printf '%-9s %-8s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n' "$p" "$phase" "$t1" "$t2" "$t3" "$c1" "$c2" "$c3"
        done
done

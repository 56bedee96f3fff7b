# Sourced by the benchmark scripts of this folder, never run on its own: where they are, the
# toy launcher, the CPython they compare with, Toy built before anything is timed, and the two
# summaries they print.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
toy="$here/../../toy"
# pyenv's shim is a shell script that would add ~100 ms to every start: ask it for the binary.
python="${PYTHON:-$(pyenv which python3 2>/dev/null || command -v python3)}"

"$toy" run "$here/../hello.toy" >/dev/null   # builds Toy (and its archives) if needed

# Prints "MEDIAN MIN MAX" of the numbers on standard input, one a line.
median_min_max() {
    sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR]}'
}

# best RUNS COMMAND...: the least of the "seconds: S" that RUNS runs of COMMAND print, each in
# a fresh process (the run least disturbed by the rest of the machine).
best() {
    local runs="$1"
    shift
    for _ in $(seq "$runs"); do
        "$@" | awk '/^seconds:/ {print $2}'
    done | sort -g | head -1
}

#!/usr/bin/env bash
# The book's whole experiment (sequential, 2 threads, a Pool of 2 processes) in Toy and in
# CPython at COUNT (default the book's 50,000,000), RUNS times each (default 5), each run a
# fresh process; prints the median, min and max of each figure. Then Toy alone at
# 2,000,000,000, where its sequential count takes about two seconds (at the book's count it
# takes a tenth of one, less than a worker takes to compile the loop). Then the pool's fixed
# costs (samples/bench/pool.toy: Pool(2) ready, round trip, map rate), RUNS times.
# Usage: samples/bench/processes.sh [RUNS] [COUNT]    (RUNS first, as the other scripts here)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"
count="${2:-50000000}"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

summary() {   # reads "name value" lines; prints median (min-max) per name
    python3 -c '
import sys, statistics, collections
d = collections.OrderedDict()
for line in sys.stdin:
    name, value = line.rsplit(" ", 1)
    d.setdefault(name, []).append(float(value))
for name, v in d.items():
    print("  %-34s median %8.3f   min %8.3f   max %8.3f   (%d runs)" % (name, statistics.median(v), min(v), max(v), len(v)))'
}

extract() {   # experiment output -> "name value" lines
    awk '/^sequential:/ {print "sequential s", $2}
         /^2 threads:/ {print "2 threads s", $3; print "threads / sequential", $NF}
         /^Pool of 2:/ {print "Pool of 2 s", $4; print "processes / sequential", $NF}
         /^\(Pool\(2\) was ready in/ {print "Pool(2) ready s", $5}'
}

for impl in toy python; do
    echo "$impl, count $count:"
    for _ in $(seq "$runs"); do
        if [ "$impl" = toy ]; then
            "$toy" "$here/../processes/experiment.toy" "$count"
        else
            python3 "$here/experiment.py" "$count"
        fi | extract
    done | summary
done

echo "toy alone, count 2000000000:"
for _ in $(seq "$runs"); do
    "$toy" "$here/../processes/experiment.toy" 2000000000 | extract
done | summary

echo "pool costs (samples/bench/pool.toy, last of 5 rounds, the first 4 being warm-up):"
for _ in $(seq "$runs"); do
    "$toy" "$here/pool.toy" 5 | awk '/^Pool\(2\) ready:/ {print "Pool(2) ready s", $3}
        /^round 5/ {print "round trip us", $6; print "map items/s", $11}'
done | summary
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The book's whole experiment in CPython, printed as samples/processes/experiment.toy prints it,
# for the side-by-side in the README. Usage: python3 experiment.py [COUNT]
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from threading import Thread


def countdown(n):
    while n > 0:
        n -= 1
    return n


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
    half = count // 2

    start = time.perf_counter()
    countdown(count)
    sequential = time.perf_counter() - start
    print("sequential:  ", round(sequential, 3), "s")

    start = time.perf_counter()
    t1 = Thread(target=countdown, args=(half,))
    t2 = Thread(target=countdown, args=(count - half,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    threads = time.perf_counter() - start
    print("2 threads:   ", round(threads, 3), "s", "  threads / sequential:", round(threads / sequential, 2))

    start = time.perf_counter()
    pool = ProcessPoolExecutor(2)
    # ProcessPoolExecutor starts its processes on first use: make them start here, as Pool(2) does.
    list(pool.map(countdown, [0, 0]))
    ready = time.perf_counter() - start
    start = time.perf_counter()
    list(pool.map(countdown, [half, count - half]))
    processes = time.perf_counter() - start
    print("Pool of 2:   ", round(processes, 3), "s", "  processes / sequential:", round(processes / sequential, 2))
    print("(Pool(2) was ready in", round(ready, 3), "s, not counted above)")
    pool.shutdown()

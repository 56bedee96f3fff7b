# samples/threads/countdown.toy in CPython: the book's experiment in one script, sequential
# then 2 threads, for samples/bench/experiment.sh. Usage: python3 countdown_threads.py [COUNT]
import sys
import time
from threading import Thread


def countdown(n):
    while n > 0:
        n -= 1


def experiment(count):
    start = time.perf_counter()
    countdown(count)
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    t1 = Thread(target=countdown, args=(count // 2,))
    t2 = Thread(target=countdown, args=(count - count // 2,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    return [sequential, time.perf_counter() - start]


count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
timings = experiment(count)
print("sequential:", round(timings[0], 3), "s")
print("2 threads: ", round(timings[1], 3), "s")
print("threads / sequential:", round(timings[1] / timings[0], 2))

# The same countdown in Python, for the comparison in run.sh.
import sys
import time


def countdown(n):
    while n > 0:
        n -= 1


count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
start = time.perf_counter()
countdown(count)
print("seconds:", time.perf_counter() - start)

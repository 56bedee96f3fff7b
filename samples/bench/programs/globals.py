import time; start = time.perf_counter()
# Global updates in a loop: a function that adds to two globals 3,000,000 times.
total = 0
steps = 0
def work(n):
    global total, steps
    for i in range(n):
        total += i
        steps += 1
work(3_000_000)
print("result:", total, steps)
print("seconds:", time.perf_counter() - start)

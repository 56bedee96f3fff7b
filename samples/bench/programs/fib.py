import time; start = time.perf_counter()
# Recursive calls: the naive Fibonacci.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
result = fib(32)
print("result:", result)
print("seconds:", time.perf_counter() - start)

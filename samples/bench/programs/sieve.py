import time; start = time.perf_counter()
# Sieve of Eratosthenes up to 1,000,000, five times: list indexing.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count
result = 0
for round in range(5):
    result = sieve(1_000_000)
print("result:", result)
print("seconds:", time.perf_counter() - start)

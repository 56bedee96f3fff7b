import time; start = time.perf_counter()
# Closures called in a loop: each adder captures its own k.
def make_adder(k):
    return lambda x: x + k
adders = [make_adder(1), make_adder(2), make_adder(3), make_adder(4)]
total = 0
for i in range(2_000_000):
    add = adders[i % 4]
    total = add(total) % 1_000_003
print("result:", total)
print("seconds:", time.perf_counter() - start)

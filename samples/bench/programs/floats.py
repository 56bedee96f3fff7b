import time; start = time.perf_counter()
# Leibniz series for pi on floats: 5,000,000 terms.
def leibniz(terms):
    total = 0.0
    sign = 1.0
    k = 0
    while k < terms:
        total += sign / (2.0 * k + 1.0)
        sign = -sign
        k += 1
    return 4.0 * total
print("result:", leibniz(5_000_000))
print("seconds:", time.perf_counter() - start)

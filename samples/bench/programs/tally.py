import time; start = time.perf_counter()
# Map tally: 2,000,000 int keys counted into 1,009 entries.
tally = {}
for i in range(2_000_000):
    key = i * 7 % 1009
    if key in tally:
        tally[key] += 1
    else:
        tally[key] = 1
print("result:", len(tally), tally[0])
print("seconds:", time.perf_counter() - start)

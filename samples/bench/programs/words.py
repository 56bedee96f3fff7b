import time; start = time.perf_counter()
# Word count: a text of 1,000,000 words, split, counted with map.get.
vocabulary = "the quick brown fox jumps over a lazy dog and then runs away from it".split()
lines = []
for i in range(50_000):
    line = []
    for j in range(20):
        line.append(vocabulary[(i * 7 + j * 3) % len(vocabulary)])
    lines.append(" ".join(line))
counts = {}
for line in lines:
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
print("result:", len(counts), counts["fox"])
print("seconds:", time.perf_counter() - start)

# programs/words.py's body in rounds, its phases timed apart (samples/bench/rounds.sh).
import time
vocabulary = "the quick brown fox jumps over a lazy dog and then runs away from it".split()
for round in range(6):
    t0 = time.perf_counter()
    lines = []
    for i in range(50_000):
        line = []
        for j in range(20):
            line.append(vocabulary[(i * 7 + j * 3) % len(vocabulary)])
        lines.append(" ".join(line))
    t1 = time.perf_counter()
    counts = {}
    for line in lines:
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    t2 = time.perf_counter()
    print("round", round, "build", t1 - t0, "count", t2 - t1)
print("result:", len(counts), counts["fox"])

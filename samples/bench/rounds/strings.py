# programs/strings.py's body in rounds, its phases timed apart (samples/bench/rounds.sh).
import time
for round in range(6):
    t0 = time.perf_counter()
    parts = []
    for i in range(1_000_000):
        parts.append(str(i % 10))
    t1 = time.perf_counter()
    text = "".join(parts)
    t2 = time.perf_counter()
    sevens = 0
    for c in text:
        if c == "7":
            sevens += 1
    t3 = time.perf_counter()
    print("round", round, "append", t1 - t0, "join", t2 - t1, "scan", t3 - t2)
print("result:", len(text), sevens)

import time; start = time.perf_counter()
# Building a string of 1,000,000 parts, then scanning it character by character.
parts = []
for i in range(1_000_000):
    parts.append(str(i % 10))
text = "".join(parts)
sevens = 0
for c in text:
    if c == "7":
        sevens += 1
print("result:", len(text), sevens)
print("seconds:", time.perf_counter() - start)

import random as _random

from toyprint import tprint as print

seed, random, randint, shuffle = _random.seed, _random.random, _random.randint, _random.shuffle

seed(42)
first = [random(), randint(1, 6), randint(-3, 3)]
seed(42)
again = [random(), randint(1, 6), randint(-3, 3)]
print(first == again)

rolls = [randint(1, 6) for i in range(1000)]
print(min(rolls), max(rolls), all([1 <= r and r <= 6 for r in rolls]))
xs = [random() for i in range(1000)]
print(all([0.0 <= x and x < 1.0 for x in xs]), type(xs[0]).__name__)

deck = list(range(10))
shuffle(deck)
print(sorted(deck) == list(range(10)), len(deck))
print(randint(5, 5))
try:
    print(randint(5, 4))
except Exception as e:
    print(e)

from toyprint import tprint as print

xs = [3, 1, 4, 1, 5, 9, 2, 6]
print([x * x for x in xs])
print([x for x in xs if x % 2 == 0])
print([x for x in xs if x > 1 if x < 6])
print([[i, j] for i in range(3) for j in range(i)])
print([c.upper() for c in "abc"])
print([w for line in ["a b", "c"] for w in line.split()])

stock = {"apple": 3, "pear": 0, "plum": 7}
print([k for k, v in stock.items() if v > 0])
print({v: k for k, v in stock.items()})
print({name: len(name) for name in ["ab", "cde"]})
print({x % 3: x for x in range(10)})

x = "outer"
print([x for x in range(3)], x)

adders = [(lambda i: lambda n: n + i)(i) for i in range(3)]
print([f(10) for f in adders])

try:
    print([10 // x for x in [1, 0]])
except Exception as e:
    print(e)
print([])
print([x for x in []], {k: k for k in ""})

from toyprint import tprint as print

a, b = [1, 2]
print(a, b)
a, b = b, a
print(a, b)
first, second, third = "xyz"
print(first, second, third)
lo, hi = range(2)
print(lo, hi)
q, r = divmod(17, 5)
print(q, r)

xs = [10, 20, 30]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
i = 0
i, xs[i] = 2, 99
print(i, xs)

pair = 1, "one"
print(pair)

ages = {"ann": 31, "bob": 27}
for name, age in ages.items():
    print(name, age)
for n, letter in enumerate("ab", 1):
    print(n, letter)
for x, y in zip([1, 2, 3], [4, 5, 6]):
    print(x * y)

for bad in [[1], [1, 2, 3], 5]:
    try:
        u, v = bad
        print(u, v)
    except Exception as e:
        print(e)

import math

from toyprint import show, tprint as print, trepr

s = "  Hello, World  "
print(s.strip() + "|", s.lstrip() + "|", s.rstrip() + "|", "xxhixx".strip("x"), "abc".strip("ca"))
print("a,b,,c".split(","), " a  b ".split(), "a b c d".split(" ", 2), "a-b-c".split("-", 1))
print("-".join(["x", "y", "z"]), "".join([]), ", ".join("abc"))
print("MiXeD".upper(), "MiXeD".lower(), "aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "ab".replace("", "-"))
print("banana".find("an"), "banana".find("x"), "banana".index("na"), "banana".count("a"), "banana".count(""))
print("file.toy".endswith(".toy"), "file.toy".startswith("fi"), "x".startswith(("a", "x")))
print("one\ntwo\r\nthree\n".splitlines(), "".splitlines())
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalpha(), " \t\n".isspace(), "".isspace())
try:
    print("banana".index("x"))
except Exception as e:
    print(e)

xs = [3, 1, 2]
xs.append(4)
xs.extend([5, 6])
xs.insert(0, 0)
print(xs, xs.pop(), xs.pop(0), xs)
xs.remove(2)
print(xs, xs.index(4), xs.count(1), [1, 1, 2].count(1))
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
words = ["pear", "fig", "banana", "kiwi"]
words.sort(key=len)
print(words)
copy = words.copy()
copy.clear()
print(words, copy)
for bad in [lambda: [1].remove(5), lambda: [1].index(5), lambda: [].pop()]:
    try:
        print(bad())
    except Exception as e:
        print(e)

m = {"a": 1, "b": 2}
print(list(m.keys()), list(m.values()), [list(i) for i in m.items()])
print(m.get("a"), m.get("z"), m.get("z", 0))
print(m.pop("a"), m.pop("z", "none"), m)
print(m.setdefault("b", 9), m.setdefault("c", 3), m)
m.update({"d": 4, "b": 20})
m2 = m.copy()
m.clear()
print(m, m2)
try:
    print(m.pop("gone"))
except KeyError as e:
    print("KeyError: " + trepr(e.args[0]))

people = [["ann", 31], ["bob", 27], ["cy", 31]]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted("hello"), sorted([2.5, 1, 3]), sorted({"b": 1, "a": 2}))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]), max([], default=0))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(list(map(list, enumerate(["x", "y"]))), list(map(list, enumerate("ab", 10))), list(map(list, zip("abc", [1, 2]))), list(zip()))
print(any([0, "", None]), any([0, 1]), all([1, "a"]), all([]), any([]))
print(list("ab"), list(range(3)), list({"k": 1}), list())
try:
    print(sorted([1, "a"]))
except Exception as e:
    print(e)

print(bool(0), bool("x"), bool([]), bool(), trepr("a\"b"), trepr([1, "x"]), trepr(2.5), trepr(None))
print(ord("A"), ord("é"), chr(65), chr(233), hex(255), hex(-255), bin(10), bin(-3))
print(int("ff", 16), int("0x1F", 0), int("-101", 2), int("z", 36), int(" 42 "))
print(list(divmod(17, 5)), list(divmod(-17, 5)), list(divmod(7.5, 2)))
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), round(math.pi, 5))
for bad in [lambda: ord("ab"), lambda: chr(-1), lambda: math.sqrt(-1),
            lambda: int("12", 1), lambda: int("9", 8), lambda: divmod(1, 0)]:
    try:
        print(bad())
    except Exception as e:
        # Toy quotes a value in a message in its own notation (README, Choices): "9", not '9'.
        print(show(e).replace("'9'", '"9"'))

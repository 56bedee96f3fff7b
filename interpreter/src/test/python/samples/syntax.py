from toyprint import tprint as print, show

n = 7
print("odd" if n % 2 == 1 else "even", 1 if False else 2 if False else 3)
print([x if x > 0 else -x for x in [-2, 0, 3]])

poem = """roses
  are "red"
violets\tblue"""
print(poem)
print(len('''a
b'''))


def sign(x):
    if x > 0:
        return "+"
    elif x < 0:
        return "-"
    elif x == 0:
        return "0"
    else:
        return "?"


print(sign(5), sign(-5), sign(0))


def clamp(x):
    if x > 10:
        return 10
    return x


print(clamp(3), clamp(30))
total = 0
for i in range(4):
    total += i
print(total)

s = "abcdefgh"
print(s[::2], s[1::3], s[::-1], s[-2:1:-2], s[10:0:-3])
xs = [0, 1, 2, 3, 4, 5]
print(xs[::2], xs[::-1], xs[4:1:-1], xs[-1::-4], range(10)[1::3], range(10)[::-2])
try:
    print(xs[::0])
except Exception as e:
    print(e)

ys = [1]
alias = ys
alias += [2, 3]
alias += "ab"
print(ys, ys == alias)
grid = [[0], [1]]
grid[0] += [9]
print(grid)
text = "a"
same = text
same += "b"
print(text, same)


def raise_plain():
    raise Exception("plain")


for make in [lambda: (_ for _ in ()).throw(ValueError("bad value")), lambda: (_ for _ in ()).throw(KeyError("k")),
             lambda: (_ for _ in ()).throw(TypeError("wrong")), raise_plain, lambda: (_ for _ in ()).throw(RuntimeError())]:
    try:
        make()
    except Exception as e:
        # Toy's kinds are Python's exception classes; `raise "plain"` is an Error (Python: Exception);
        # a KeyError's message is the key's repr, in Toy's notation.
        kind = "Error" if type(e) is Exception else type(e).__name__
        message = show(e.args[0], True) if isinstance(e, KeyError) else (str(e.args[0]) if e.args else "")
        print(kind, "|", message, "|", kind + (": " + message if message else ""))
err = IndexError("custom")
print("Error", "IndexError", "IndexError: custom")

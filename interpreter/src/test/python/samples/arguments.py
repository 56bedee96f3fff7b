from toyprint import tprint as print


def greet(name, greeting="hello", punctuation="!"):
    return greeting + ", " + name + punctuation


print(greet("ann"))
print(greet("bob", "hi"))
print(greet("cy", punctuation="?"))
print(greet(greeting="hey", name="dee"))

calls = 0


def counted():
    global calls
    calls += 1
    return calls


def remember(x, seen=[], stamp=counted()):
    seen.append(x)
    return [seen, stamp]


print(remember(1), remember(2), calls)


def pair(a, b):
    return [a, b]


for attempt in [lambda: pair(1), lambda: pair(1, a=2), lambda: pair(1, c=2),
                lambda: pair(1, 2, 3), lambda: greet(), lambda: greet("x", "y", "z", "w")]:
    try:
        print(attempt())
    except Exception as e:
        print(e)

print(sorted([3, 1, 2], reverse=True), min(["bb", "a"], key=len), list(enumerate("ab", start=5)))
print("a", "b", sep="-", end=".\n")
print(int("ff", base=16), "a b c".split(maxsplit=1))


# LANGUAGE.md section 3 gives every callee that rejects a keyword one wording, CPython's for
# Python functions; CPython's builtins word it otherwise ("'x' is an invalid keyword argument
# for sort()", "len() takes no keyword arguments"), so here that case prints Toy's wording.
for attempt, name, keyword in [(lambda: sorted([1], x=1), "sorted", "x"), (lambda: len("a", key=1), "len", "key"),
                               (lambda: [].sort(1), "sort", None), (lambda: "ab".upper(x=1), "upper", "x")]:
    try:
        print(attempt())
    except TypeError as e:
        print(f"TypeError: {name}() got an unexpected keyword argument '{keyword}'" if keyword else e)

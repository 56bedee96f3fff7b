from toyprint import tprint as print, trepr

n = 1234567
t = 0.0123456
print(f"{n:,} items in {t:.3f} s")
print(f"{{literal braces}} and {n}")
name = "toy"
print(f"[{name:>6}] [{name:<6}] [{name:^7}] [{name:*^9}]")
print(f"{3.14159:.2f} {2.5:e} {1e-7:g} {123456789.0:g} {0.25:%} {0.5:.0%}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {-42:08d} {42:+d} {42: d}")
print(f"{1234.5678:,.2f} {1234567:_} {0xdeadbeef:_x} {-1234.5:>+12,.1f}")
print(f"{'left':<10}|{'right':>10}|")
width = 8
print(f"[{name:>{width}}] [{3.14159:.{width - 5}f}]")

total = 42
print(f"total={total} {trepr(name)} name={trepr(name)}")
print(f"{trepr([1, 'a'])} nil true {2 ** 10}")

report = f"""name: {name}
size: {len(name)}"""
print(report)
print(f'single {name}', f'''triple {name}''', F"capital {n}")

print(format(3.14159, ".2f"), format(1234567, ","), format("ab", ">5"), format(7, "03"))
print(format(1e16), format(0.1), format(-0.0, ".1f"), format(float("inf"), ">6"))

for spec in ["d", ".2d", "+s", ",s", "z"]:
    try:
        print(format(2.5, spec))
    except Exception as e:
        print(e)
try:
    print(format("ab", "+"))
except Exception as e:
    print(e)

rows = [["apples", 3, 0.5], ["kiwis", 12, 0.25], ["melons", 1, 2.75]]
for row in rows:
    item, count, price = row
    print(f"{item:<8}{count:>4}{price * count:>8.2f}")

"""Prints Python values the way Toy's print shows them (LANGUAGE.md section 2), so that a
sample's Python equivalent prints exactly the sample's expected .out file."""

import builtins


def show(v, inner=False):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "nil"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        if not inner:
            return v
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(show(x, True) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(show(k, True) + ": " + show(x, True) for k, x in v.items()) + "}"
    if isinstance(v, BaseException):
        return type(v).__name__ + (": " + str(v) if str(v) else "")
    return str(v)


def tprint(*args, sep=" ", end="\n"):
    builtins.print(sep.join(show(a) for a in args), end=end)


def trepr(v):
    return show(v, True)

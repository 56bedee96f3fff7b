package toy.interpreter.vm;

import static toy.interpreter.bytecode.Opcode.ADD;
import static toy.interpreter.bytecode.Opcode.DIV;
import static toy.interpreter.bytecode.Opcode.FLOOR_DIV;
import static toy.interpreter.bytecode.Opcode.MOD;
import static toy.interpreter.bytecode.Opcode.MUL;
import static toy.interpreter.bytecode.Opcode.SUB;

import toy.interpreter.bytecode.Comparison;
import toy.runtime.Arith;
import toy.runtime.Builtin;
import toy.runtime.Caller;
import toy.runtime.ErrorKinds;
import toy.runtime.Keywords;
import toy.runtime.ToyIterator;
import toy.runtime.Indexing;
import toy.runtime.Iteration;
import toy.runtime.Methods;
import toy.runtime.Resource;
import toy.runtime.ToyError;
import toy.runtime.ToyList;
import toy.runtime.ToyMap;
import toy.runtime.Values;

/** The VM's slow paths: instructions on boxed values, delegated to the runtime. Kept out of the hot loop. */
final class Operations {
    private Operations() {
    }

    static Object arithmetic(int op, Object a, Object b) {
        return switch (op) {
            case ADD -> Arith.add(a, b);
            case SUB -> Arith.sub(a, b);
            case MUL -> Arith.mul(a, b);
            case DIV -> Arith.truediv(a, b);
            case FLOOR_DIV -> Arith.floordiv(a, b);
            case MOD -> Arith.mod(a, b);
            default -> Arith.pow(a, b);
        };
    }

    static boolean compare(int test, Object a, Object b) {
        return switch (test & 7) {
            case Comparison.EQ -> Values.equal(a, b);
            case Comparison.NE -> !Values.equal(a, b);
            case Comparison.LT -> Values.lt(a, b);
            case Comparison.LE -> Values.le(a, b);
            case Comparison.GT -> Values.gt(a, b);
            default -> Values.ge(a, b);
        };
    }

    static boolean contains(Object container, Object item) {
        return Values.contains(container, item);
    }

    static boolean truthy(Object v) {
        return Values.truthy(v);
    }

    static ToyList list(Object[] elements) {
        ToyList list = new ToyList();
        for (Object e : elements) {
            list.add(e);
        }
        return list;
    }

    /** A map from alternating keys and values. */
    static ToyMap map(Object[] keysAndValues) {
        ToyMap map = new ToyMap();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Object index(Object container, Object index) {
        return Indexing.get(container, index);
    }

    static void storeIndex(Object container, Object index, Object value) {
        Indexing.set(container, index, value);
    }

    static Object slice(Object container, Object lower, Object upper) {
        return Indexing.slice(container, lower, upper);
    }

    static Object attribute(Object receiver, String name) {
        return Methods.getAttribute(receiver, name);
    }

    static Object callMethod(Caller caller, Object receiver, String name, Object[] args, Keywords keywords) {
        return Methods.callMethod(caller, receiver, name, args, keywords);
    }

    /** A builtin's code for a call with one argument ({@link Builtin#oneArgument()}); null for any other callee or a builtin without it. */
    static Builtin.OneArgument oneArgument(Object callee) {
        return callee instanceof Builtin b ? b.oneArgument() : null;
    }

    static Object iterator(Object iterable) {
        return Iteration.iterator(iterable);
    }

    /**
     * {@code raise e}: an Error is raised again, keeping its traceback and the line where it
     * was caught ({@link ToyError#raisedAgain}); a str becomes an Error with that message; an
     * error kind's builtin without a call ({@code raise ValueError}) is an Error of that kind with
     * no message, as Python raises a bare exception class.
     */
    static ToyError raise(Object value) {
        if (value instanceof ToyError error) {
            error.raisedAgain();
            return error;
        }
        if (value instanceof String message) {
            return new ToyError("Error", message);
        }
        if (value instanceof Builtin b && ErrorKinds.KINDS.contains(b.name())) {
            return new ToyError(b.name(), "");
        }
        return ToyError.typeError("exceptions must be an Error or a str, not '" + Values.typeName(value) + "'");
    }

    static void enter(Object resource) {
        resource(resource).enter();
    }

    static void exit(Object resource) {
        resource(resource).exit();
    }

    private static Resource resource(Object value) {
        if (value instanceof Resource r) {
            return r;
        }
        throw ToyError.typeError("'" + Values.typeName(value) + "' object cannot be used in 'with' (it needs a Lock, an RLock, a Semaphore or a Condition)");
    }

    /** {@code c[lo:hi:step]}. */
    static Object slice(Object container, Object lower, Object upper, Object step) {
        return Indexing.slice(container, lower, upper, step);
    }

    /** The items of a value unpacked into {@code count} names, with CPython's messages. */
    static Object[] unpack(Object value, int count) {
        ToyIterator it;
        try {
            it = Iteration.iterator(value);
        } catch (ToyError e) {
            throw ToyError.typeError("cannot unpack non-iterable " + Values.typeName(value) + " object");
        }
        Object[] items = new Object[count];
        int n = 0;
        while (it.hasNext()) {
            if (n == count) {
                throw ToyError.valueError("too many values to unpack (expected " + count + ")");
            }
            items[n++] = it.next();
        }
        if (n < count) {
            throw ToyError.valueError("not enough values to unpack (expected " + count + ", got " + n + ")");
        }
        return items;
    }

    /** A format spec made at run time ({@code f"{x:>{width}}"}) is a str by construction. */
    static String spec(Object spec) {
        return (String) spec;
    }

    /** An f-string's parts, each already a str. */
    static String concat(Object[] parts) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            sb.append((String) part);
        }
        return sb.toString();
    }

    /**
     * {@code a *= b}: a list times an int is repeated in place (and stays the result; 0 or less
     * empties it), as in Python, so that every name for the list sees it; anything else is a * b.
     */
    static Object inplaceMul(Object a, Object b) {
        if (a instanceof ToyList list && b instanceof Long times) {
            list.repeatInPlace(times);
            return list;
        }
        return Arith.mul(a, b);
    }

    /** {@code a += b}: a list is extended in place (and stays the result), as in Python; anything else is a + b. */
    static Object inplaceAdd(Object a, Object b) {
        if (a instanceof ToyList list) {
            list.extend(b);
            return list;
        }
        return Arith.add(a, b);
    }
}

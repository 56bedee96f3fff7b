package toy.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Method calls specialized by name, for compiled code: a call site {@code x.append(v)} whose
 * name and argument count match a method here calls it directly (JitCompiler), with the
 * receiver and the arguments one by one: no array of arguments, no lookup by name, and code
 * that HotSpot can inline into the site, where the general call goes through a table of
 * lambdas that every method shares. This is CPython 3.11's specialization of {@code CALL}
 * for the common built-in methods (PEP 659; {@code CALL_NO_KW_LIST_APPEND} and the like),
 * decided once when the code is compiled rather than per call site at run time.
 *
 * <p>Each method checks the receiver's type: of the type it is specialized for, it runs the
 * same code the method's table runs ({@link ListMethods}, {@link MapMethods},
 * {@link StrMethods}), so results and errors are those of the general call; of any other type
 * ({@code q.get()} of a Queue, a missing method) it makes the general call,
 * {@link Methods#callMethod}. The first parameter is the running thread's {@link Caller}, for
 * that general call.
 */
public final class QuickMethods {
    /** "name/count" of each method here, count being the number of arguments after the receiver. */
    private static final Set<String> SPECIALIZED = specialized();

    private QuickMethods() {
    }

    /**
     * Whether a call of method {@code name} with {@code count} positional arguments and no
     * keywords has a method here: {@code public static Object name(Caller, Object receiver,
     * Object... count of them)}.
     */
    public static boolean has(String name, int count) {
        return SPECIALIZED.contains(name + "/" + count);
    }

    private static Set<String> specialized() {
        Set<String> names = new HashSet<>();
        for (Method m : QuickMethods.class.getDeclaredMethods()) {
            Class<?>[] parameters = m.getParameterTypes();
            if (Modifier.isPublic(m.getModifiers()) && parameters.length >= 2 && parameters[0] == Caller.class) {
                names.add(m.getName() + "/" + (parameters.length - 2));
            }
        }
        return names;
    }

    /** {@code list.append(x)}. */
    public static Object append(Caller caller, Object receiver, Object x) {
        if (receiver instanceof ToyList l) {
            return ListMethods.append(l, x);
        }
        return Methods.callMethod(caller, receiver, "append", new Object[] {x}, Keywords.NONE);
    }

    /** {@code map.get(key)}. */
    public static Object get(Caller caller, Object receiver, Object key) {
        if (receiver instanceof ToyMap m) {
            return MapMethods.get(m, key, Nil.NIL);
        }
        return Methods.callMethod(caller, receiver, "get", new Object[] {key}, Keywords.NONE);
    }

    /** {@code map.get(key, otherwise)}. */
    public static Object get(Caller caller, Object receiver, Object key, Object otherwise) {
        if (receiver instanceof ToyMap m) {
            return MapMethods.get(m, key, otherwise);
        }
        return Methods.callMethod(caller, receiver, "get", new Object[] {key, otherwise}, Keywords.NONE);
    }

    /** {@code str.join(items)}. */
    public static Object join(Caller caller, Object receiver, Object items) {
        if (receiver instanceof String s) {
            return StrMethods.join(s, items);
        }
        return Methods.callMethod(caller, receiver, "join", new Object[] {items}, Keywords.NONE);
    }

    /** {@code str.split()}: by runs of whitespace. */
    public static Object split(Caller caller, Object receiver) {
        if (receiver instanceof String s) {
            return StrMethods.split(s, Nil.NIL, Long.MAX_VALUE);
        }
        return Methods.callMethod(caller, receiver, "split", new Object[0], Keywords.NONE);
    }

    /** {@code str.split(sep)}. */
    public static Object split(Caller caller, Object receiver, Object sep) {
        if (receiver instanceof String s) {
            return StrMethods.split(s, sep, Long.MAX_VALUE);
        }
        return Methods.callMethod(caller, receiver, "split", new Object[] {sep}, Keywords.NONE);
    }
}

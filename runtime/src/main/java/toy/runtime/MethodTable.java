package toy.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The methods of one built-in type, by name: one table serves both {@code x.m} (a
 * {@link BoundMethod}) and {@code x.m(…)} (a direct call, no bound method made).
 *
 * @param <T> the Java class of the receiver
 */
public final class MethodTable<T> {
    /** A method's code: the receiver, the running thread's {@link Caller}, positional arguments, keywords. */
    @FunctionalInterface
    public interface Method<T> {
        Object call(T self, Caller caller, Object[] args, Keywords keywords);
    }

    /** A method that takes no keywords and never calls back into Toy code. */
    @FunctionalInterface
    public interface Simple<T> {
        Object call(T self, Object[] args);
    }

    private final Map<String, Method<T>> methods = new HashMap<>();
    /**
     * The methods found so far, by the identity of the name asked for: a call site passes the
     * same String each time (its code's name table), so a hit costs one comparison of
     * references instead of the map's comparison of characters. Open addressing from the
     * name's hash (which a String caches) over {@link #PROBES} slots; when all are taken the
     * first is replaced. Entries are immutable, so a race between threads only loses an entry.
     */
    private final Found<T>[] found;

    private record Found<T>(String name, Method<T> method) {
    }

    /** Slots of {@link #found}, a power of two, and how many of them one name may use. */
    private static final int FOUND_SLOTS = 32;
    private static final int PROBES = 4;

    @SuppressWarnings("unchecked")
    public MethodTable() {
        found = (Found<T>[]) new Found<?>[FOUND_SLOTS];
    }

    /** Adds a method whose argument count is checked by {@code arity} and which rejects keywords. */
    public MethodTable<T> add(String name, Arity arity, Simple<T> method) {
        methods.put(name, (self, caller, args, keywords) -> {
            keywords.allowNone(name);
            arity.check(args.length);
            return method.call(self, args);
        });
        return this;
    }

    /** Adds a method that checks its own arguments and keywords. */
    public MethodTable<T> add(String name, Method<T> method) {
        methods.put(name, method);
        return this;
    }

    /** The names of the methods, for "Did you mean" ({@link Suggestions}). */
    public Iterable<String> names() {
        return new TreeSet<>(methods.keySet());
    }

    /** Whether the type has a method of this name. */
    public boolean has(String name) {
        return methods.containsKey(name);
    }

    /** The method's result, or Java null if the type has no such method. */
    public Object call(T self, String name, Caller caller, Object[] args, Keywords keywords) {
        Method<T> m = find(name);
        return m == null ? null : m.call(self, caller, args, keywords);
    }

    private Method<T> find(String name) {
        int first = name.hashCode();
        // Slots fill in probe order and are never emptied: the first empty one ends the search.
        int free = first & (FOUND_SLOTS - 1);
        for (int i = 0; i < PROBES; i++) {
            int slot = (first + i) & (FOUND_SLOTS - 1);
            Found<T> f = found[slot];
            if (f == null) {
                free = slot;
                break;
            }
            if (f.name == name) {
                return f.method;
            }
        }
        Method<T> m = methods.get(name);
        if (m != null) {
            found[free] = new Found<>(name, m);
        }
        return m;
    }
}

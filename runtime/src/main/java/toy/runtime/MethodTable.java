package toy.runtime;

import java.util.HashMap;
import java.util.Map;

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

    /** Adds a method whose argument count is checked by {@code arity} and which rejects keywords. */
    public MethodTable<T> add(String name, Arity arity, Simple<T> method) {
        methods.put(name, (self, caller, args, keywords) -> {
            keywords.allowOnly(name);
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

    /** Whether the type has a method of this name. */
    public boolean has(String name) {
        return methods.containsKey(name);
    }

    /** The method's result, or Java null if the type has no such method. */
    public Object call(T self, String name, Caller caller, Object[] args, Keywords keywords) {
        Method<T> m = methods.get(name);
        return m == null ? null : m.call(self, caller, args, keywords);
    }
}

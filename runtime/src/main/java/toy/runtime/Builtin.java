package toy.runtime;

import java.util.function.Function;

/** A function written in Java, such as {@code len}. It checks its argument count before running. */
public final class Builtin implements ToyObject {
    /** A builtin's code: the running thread's {@link Caller}, the positional arguments, the keywords. */
    @FunctionalInterface
    public interface Body {
        Object call(Caller caller, Object[] args, Keywords keywords);
    }

    private final String name;
    private final Arity arity;
    private final Body body;

    /** maxArgs -1 means any number; wrong counts get messages like {@code len() takes exactly one argument (2 given)}. */
    public Builtin(String name, int minArgs, int maxArgs, Function<Object[], Object> body) {
        this(name, Arity.takes(name, minArgs, maxArgs), body);
    }

    /** For the builtins CPython words differently, e.g. {@code Arity.expects("range", 1, 3)}. A keyword is a TypeError. */
    public Builtin(String name, Arity arity, Function<Object[], Object> body) {
        this(name, arity, (Body) (caller, args, keywords) -> {
            keywords.allowNone(name);
            return body.apply(args);
        });
    }

    /** A builtin that takes keywords or calls back into Toy code; it checks its keywords itself. */
    public Builtin(String name, Arity arity, Body body) {
        this.name = name;
        this.arity = arity;
        this.body = body;
    }

    public String name() {
        return name;
    }

    /** Calls it with positional arguments only. */
    public Object call(Caller caller, Object[] args) {
        return call(caller, args, Keywords.NONE);
    }

    public Object call(Caller caller, Object[] args, Keywords keywords) {
        arity.check(args.length);
        return body.call(caller, args, keywords);
    }

    @Override
    public String typeName() {
        return "builtin";
    }

    @Override
    public String str() {
        return "<builtin " + name + ">";
    }
}

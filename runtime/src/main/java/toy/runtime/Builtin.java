package toy.runtime;

import java.util.function.Function;

/** A function written in Java, such as {@code len}. It checks its argument count before running. */
public final class Builtin implements ToyObject {
    private final String name;
    private final Arity arity;
    private final Function<Object[], Object> body;

    /** maxArgs -1 means any number; wrong counts get messages like {@code len() takes exactly one argument (2 given)}. */
    public Builtin(String name, int minArgs, int maxArgs, Function<Object[], Object> body) {
        this(name, Arity.takes(name, minArgs, maxArgs), body);
    }

    /** For the builtins CPython words differently, e.g. {@code Arity.expects("range", 1, 3)}. */
    public Builtin(String name, Arity arity, Function<Object[], Object> body) {
        this.name = name;
        this.arity = arity;
        this.body = body;
    }

    public String name() {
        return name;
    }

    public Object call(Object[] args) {
        arity.check(args.length);
        return body.apply(args);
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

package toy.runtime;

import java.util.function.Function;

/**
 * A function written in Java, such as {@code len}. It checks its argument count before running.
 * A builtin may also have a {@link #oneArgument()} body, which compiled code calls for a call
 * with one positional argument instead of making an array for it (JitCompiler).
 */
public final class Builtin implements ToyObject {
    /** A builtin's code: the running thread's {@link Caller}, the positional arguments, the keywords. */
    @FunctionalInterface
    public interface Body {
        Object call(Caller caller, Object[] args, Keywords keywords);
    }

    /**
     * A builtin's code for a call with exactly one positional argument and no keywords, which
     * never calls back into Toy code; the same result and errors as its {@link Body} gives.
     */
    @FunctionalInterface
    public interface OneArgument {
        Object call(Object arg);
    }

    private final String name;
    private final Arity arity;
    private final Body body;
    /** Null unless the builtin takes one argument and has code for that case. */
    private final OneArgument oneArgument;

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
        this(name, arity, body, null);
    }

    private Builtin(String name, Arity arity, Body body, OneArgument oneArgument) {
        this.name = name;
        this.arity = arity;
        this.body = body;
        this.oneArgument = oneArgument;
    }

    /**
     * A builtin that takes exactly one argument and no keywords ({@code len}); wrong counts
     * get {@link Arity#takes} messages. Its body is also its {@link #oneArgument()} code.
     */
    public static Builtin ofOne(String name, OneArgument body) {
        return ofOne(name, 1, a -> body.call(a[0]), body);
    }

    /**
     * A builtin that takes minArgs to maxArgs arguments and no keywords ({@code str} takes 0
     * or 1), with {@code oneArgument} as its code for a call with one, which must give what
     * {@code body} gives for it.
     */
    public static Builtin ofOne(String name, int minArgs, Function<Object[], Object> body, OneArgument oneArgument) {
        return new Builtin(name, Arity.takes(name, minArgs, 1), (caller, args, keywords) -> {
            keywords.allowNone(name);
            return body.apply(args);
        }, oneArgument);
    }

    public String name() {
        return name;
    }

    /** The code for a call with one positional argument and no keywords, or null if it has none. */
    public OneArgument oneArgument() {
        return oneArgument;
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

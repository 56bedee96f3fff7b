package toy.runtime;

import java.util.Arrays;

/**
 * The keyword arguments of one call ({@code sorted(xs, key=len)}): names and values in the
 * order the call gives them. Builtins, methods and Toy functions reject a keyword they do not
 * take with one wording, CPython's: {@code sorted() got an unexpected keyword argument 'x'}.
 */
public final class Keywords {
    public static final Keywords NONE = new Keywords(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    public Keywords(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public Object value(int i) {
        return values[i];
    }

    /** The value given for {@code name}, or Java null if the call did not name it. */
    public Object get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /**
     * A builtin's parameter {@code index} (from 0), given by position or as a keyword of one of
     * {@code names}; Java null when the call gives it neither way. TypeError when it is given
     * twice, as CPython's "got multiple values for argument".
     */
    public Object positionalOr(String function, Object[] args, int index, String... names) {
        Object value = args.length > index ? args[index] : null;
        for (String keyword : names) {
            Object given = get(keyword);
            if (given != null) {
                if (value != null) {
                    throw ToyError.typeError(function + "() got multiple values for argument '" + keyword + "'");
                }
                value = given;
            }
        }
        return value;
    }

    /** Throws the TypeError for the first keyword not among {@code allowed}; {@code function} is as in "sorted". */
    public void allowOnly(String function, String... allowed) {
        for (String name : names) {
            if (!Arrays.asList(allowed).contains(name)) {
                throw unexpected(function, name);
            }
        }
    }

    /** Throws the TypeError for the first keyword, if any: {@code function} takes none. No varargs array per call. */
    public void allowNone(String function) {
        if (names.length > 0) {
            throw unexpected(function, names[0]);
        }
    }

    /** CPython's message for a keyword the callee does not take. */
    public static ToyError unexpected(String function, String name) {
        return ToyError.typeError(function + "() got an unexpected keyword argument '" + name + "'");
    }
}

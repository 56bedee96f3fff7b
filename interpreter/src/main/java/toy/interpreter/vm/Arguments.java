package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.runtime.Keywords;
import toy.runtime.ToyError;

/**
 * Binds a call's arguments to a Toy function's parameters: positional ones first, then
 * keywords by name, then default values for the rest, with CPython's messages for a missing,
 * repeated, unknown or surplus argument.
 */
final class Arguments {
    private Arguments() {
    }

    /** The default values that complete a call with {@code given} positional arguments; TypeError if none can. */
    static Object[] defaultsFor(Function function, int given) {
        int parameters = function.code.parameterCount();
        int required = parameters - function.defaults.length;
        if (given > parameters || given < required) {
            throw given > parameters ? tooMany(function, given) : missing(function, new boolean[parameters], given);
        }
        Object[] values = new Object[parameters - given];
        System.arraycopy(function.defaults, given - required, values, 0, values.length);
        return values;
    }

    /** Every parameter's value for a call with these positional arguments and keywords. */
    static Object[] bind(Function function, Object[] args, Keywords keywords) {
        Code code = function.code;
        int parameters = code.parameterCount();
        if (args.length > parameters) {
            throw tooMany(function, args.length);
        }
        Object[] values = new Object[parameters];
        boolean[] given = new boolean[parameters];
        System.arraycopy(args, 0, values, 0, args.length);
        for (int i = 0; i < args.length; i++) {
            given[i] = true;
        }
        for (int k = 0; k < keywords.size(); k++) {
            String name = keywords.name(k);
            int slot = parameterIndex(code, name);
            if (slot < 0) {
                throw Keywords.unexpected(code.name(), name);
            }
            if (given[slot]) {
                throw ToyError.typeError(code.name() + "() got multiple values for argument '" + name + "'");
            }
            values[slot] = keywords.value(k);
            given[slot] = true;
        }
        int required = parameters - function.defaults.length;
        for (int i = 0; i < parameters; i++) {
            if (!given[i]) {
                if (i < required) {
                    throw missing(function, given, 0);
                }
                values[i] = function.defaults[i - required];
            }
        }
        return values;
    }

    private static int parameterIndex(Code code, String name) {
        for (int i = 0; i < code.parameterCount(); i++) {
            if (code.localNames()[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ToyError tooMany(Function function, int given) {
        Code code = function.code;
        int max = code.parameterCount();
        int min = max - function.defaults.length;
        String takes = min == max ? String.valueOf(max) : "from " + min + " to " + max;
        return ToyError.typeError(code.name() + "() takes " + takes + " positional argument" + (max == 1 ? "" : "s")
                + " but " + given + (given == 1 ? " was" : " were") + " given");
    }

    /** The required parameters from {@code from} on that {@code given} does not mark, named CPython's way. */
    private static ToyError missing(Function function, boolean[] given, int from) {
        Code code = function.code;
        int required = code.parameterCount() - function.defaults.length;
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = from; i < required; i++) {
            if (!given[i]) {
                names.add("'" + code.localNames()[i] + "'");
            }
        }
        String list;
        if (names.size() == 1) {
            list = names.get(0);
        } else if (names.size() == 2) {
            list = names.get(0) + " and " + names.get(1);
        } else {
            list = String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
        }
        return ToyError.typeError(code.name() + "() missing " + names.size() + " required positional argument"
                + (names.size() == 1 ? "" : "s") + ": " + list);
    }
}

package toy.interpreter.vm;

import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import toy.runtime.Builtin;
import toy.runtime.CoreBuiltins;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyList;
import toy.runtime.Values;

/** The builtins that need the running program (its output, arguments, clock), installed as globals with the core ones. */
final class VmBuiltins {
    private VmBuiltins() {
    }

    static void install(Vm vm) {
        for (Builtin b : CoreBuiltins.all()) {
            vm.globals.define(b.name(), b);
        }
        define(vm, new Builtin("print", 0, -1, args -> {
            StringJoiner line = new StringJoiner(" ");
            for (Object a : args) {
                line.add(Values.str(a));
            }
            vm.print(line.toString());
            return Nil.NIL;
        }));
        define(vm, new Builtin("clock", 0, 0, args -> System.nanoTime() / 1e9));
        define(vm, new Builtin("sleep", 1, 1, args -> {
            sleep(seconds(args[0]));
            return Nil.NIL;
        }));
        define(vm, new Builtin("args", 0, 0, args -> {
            ToyList list = new ToyList();
            vm.args().forEach(list::add);
            return list;
        }));
        define(vm, new Builtin("exit", 0, 1, args -> {
            throw new ExitRequest(args.length == 0 || args[0] == Nil.NIL ? 0 : (int) integer(args[0], "exit"));
        }));
        define(vm, new Builtin("assert", 1, 2, args -> {
            if (!Values.truthy(args[0])) {
                throw new ToyError("AssertionError", args.length > 1 ? Values.str(args[1]) : "");
            }
            return Nil.NIL;
        }));
        define(vm, new Builtin("cpu_count", 0, 0, args -> (long) Runtime.getRuntime().availableProcessors()));
        define(vm, new Builtin("is_main", 0, 0, args -> Boolean.TRUE));
    }

    private static void define(Vm vm, Builtin builtin) {
        vm.globals.define(builtin.name(), builtin);
    }

    private static long integer(Object value, String function) {
        if (value instanceof Long l) {
            return l;
        }
        throw ToyError.typeError(function + "() argument must be an int, not '" + Values.typeName(value) + "'");
    }

    private static double seconds(Object value) {
        double seconds;
        if (value instanceof Long l) {
            seconds = l;
        } else if (value instanceof Double d) {
            seconds = d;
        } else {
            throw ToyError.typeError("'" + Values.typeName(value) + "' object cannot be interpreted as a number of seconds");
        }
        if (!(seconds >= 0)) {
            throw ToyError.valueError("sleep length must be non-negative");
        }
        return seconds;
    }

    private static void sleep(double seconds) {
        try {
            TimeUnit.NANOSECONDS.sleep((long) (seconds * 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

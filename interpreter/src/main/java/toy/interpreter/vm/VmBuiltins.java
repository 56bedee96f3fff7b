package toy.interpreter.vm;

import java.util.Arrays;
import java.util.List;
import toy.runtime.Arity;
import toy.runtime.Builtin;
import toy.runtime.Keywords;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyList;
import toy.runtime.TracebackEntry;
import toy.runtime.Values;
import toy.runtime.threads.Gil;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;
import toy.runtime.threads.ToyCondition;
import toy.runtime.threads.ToyEvent;
import toy.runtime.threads.ToyLock;
import toy.runtime.threads.ToyQueue;
import toy.runtime.threads.WaitArguments;
import toy.runtime.threads.ToySemaphore;

/** The builtins that need the running program (its arguments, threads, GIL): two of the groups of {@link BuiltinGroup}. */
final class VmBuiltins {
    private VmBuiltins() {
    }

    /** clock sleep args exit assert cpu_count: LANGUAGE.md section 5's builtins about the running program. */
    static List<Builtin> program(Vm vm) {
        return List.of(
                new Builtin("clock", 0, 0, args -> System.nanoTime() / 1e9),
                new Builtin("sleep", 1, 1, args -> {
                    vm.scheduler().sleep(ThreadState.current(), sleepNanos(args[0]));
                    return Nil.NIL;
                }),
                new Builtin("args", 0, 0, args -> {
                    ToyList list = new ToyList();
                    vm.args().forEach(list::add);
                    return list;
                }),
                new Builtin("exit", 0, 1, args -> {
                    throw new ExitRequest(args.length == 0 || args[0] == Nil.NIL ? 0 : (int) integer(args[0], "exit"));
                }),
                new Builtin("assert", 1, 2, args -> {
                    if (!Values.truthy(args[0])) {
                        throw new ToyError("AssertionError", args.length > 1 ? Values.str(args[1]) : "");
                    }
                    return Nil.NIL;
                }),
                new Builtin("cpu_count", 0, 0, args -> (long) Runtime.getRuntime().availableProcessors()));
    }

    /** LANGUAGE.md section 7: threads, their primitives, and the GIL's switch interval. */
    static List<Builtin> threads(Vm vm) {
        Scheduler scheduler = vm.scheduler();
        return List.of(
                new Builtin("current_thread", 0, 0, args -> ThreadState.current().thread()),
                // Every primitive takes name= (LANGUAGE.md section 7): reports show it beside the file:line that made it.
                new Builtin("Lock", Arity.takes("Lock", 0, 0),
                        (caller, args, keywords) -> new ToyLock(scheduler, name("Lock", keywords), origin(), false)),
                new Builtin("RLock", Arity.takes("RLock", 0, 0),
                        (caller, args, keywords) -> new ToyLock(scheduler, name("RLock", keywords), origin(), true)),
                // Semaphore's count is n (LANGUAGE.md) or Python's value.
                new Builtin("Semaphore", Arity.takes("Semaphore", 0, 1), (caller, args, keywords) -> {
                    Object n = keywords.positionalOr("Semaphore", args, 0, "n", "value");
                    return new ToySemaphore(scheduler, name("Semaphore", keywords, "n", "value"), origin(),
                            n == null ? 1 : integer(n, "Semaphore"));
                }),
                new Builtin("Condition", Arity.takes("Condition", 0, 1), (caller, args, keywords) -> {
                    String name = name("Condition", keywords, "lock");
                    Object lock = keywords.positionalOr("Condition", args, 0, "lock");
                    if (lock == null || lock == Nil.NIL) {
                        return new ToyCondition(scheduler, name, origin(), null);
                    }
                    if (lock instanceof ToyLock toyLock) {
                        return new ToyCondition(scheduler, name, origin(), toyLock);
                    }
                    throw ToyError.typeError("Condition() argument must be a Lock or an RLock, not '" + Values.typeName(lock) + "'");
                }),
                new Builtin("Event", Arity.takes("Event", 0, 0),
                        (caller, args, keywords) -> new ToyEvent(scheduler, name("Event", keywords), origin())),
                new Builtin("Queue", Arity.takes("Queue", 0, 1), (caller, args, keywords) -> {
                    Object maxsize = keywords.positionalOr("Queue", args, 0, "maxsize");
                    return new ToyQueue(scheduler, name("Queue", keywords, "maxsize"), origin(),
                            maxsize == null ? 0 : integer(maxsize, "Queue"));
                }),
                new Builtin("set_switch_interval", 1, 1, args -> {
                    setSwitchInterval(vm.gil(), args[0]);
                    return Nil.NIL;
                }),
                new Builtin("switch_interval", 0, 0, args -> {
                    Gil gil = vm.gil();
                    return gil.intervalInstructions() > 0 ? (Object) (long) gil.intervalInstructions() : gil.intervalNanos() / 1e9;
                }));
    }

    /** An int sets a count of instructions; a float, like Python's sys.setswitchinterval, seconds. */
    private static void setSwitchInterval(Gil gil, Object value) {
        if (value instanceof Long n) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw ToyError.valueError("switch interval must be between 1 and " + Integer.MAX_VALUE + " instructions");
            }
            gil.setIntervalInstructions(n.intValue());
        } else if (value instanceof Double seconds) {
            if (!(seconds > 0) || seconds * 1e9 < 1) {
                throw ToyError.valueError("switch interval must be strictly positive");
            }
            gil.setIntervalNanos((long) (seconds * 1e9));
        } else {
            throw ToyError.typeError("switch interval must be an int (instructions) or a float (seconds), not '"
                    + Values.typeName(value) + "'");
        }
    }

    /** The {@code name=} a primitive was given (a str), or null; a keyword other than name and {@code others} is a TypeError. */
    private static String name(String function, Keywords keywords, String... others) {
        String[] allowed = Arrays.copyOf(others, others.length + 1);
        allowed[others.length] = "name";
        keywords.allowOnly(function, allowed);
        Object name = keywords.get("name");
        if (name == null || name == Nil.NIL) {
            return null;
        }
        if (!(name instanceof String text)) {
            throw ToyError.typeError(function + "() name must be a str, not '" + Values.typeName(name) + "'");
        }
        return text;
    }

    /** Where the running script creates a primitive, for reports: "race.toy:3". */
    private static String origin() {
        TracebackEntry at = ThreadState.current().location();
        return at.file() + ":" + at.line();
    }

    private static long integer(Object value, String function) {
        if (value instanceof Long l) {
            return l;
        }
        throw ToyError.typeError(function + "() argument must be an int, not '" + Values.typeName(value) + "'");
    }

    /** sleep()'s argument in nanoseconds, with CPython's errors for a negative, NaN or too long one. */
    private static long sleepNanos(Object value) {
        double seconds = WaitArguments.seconds(value);
        if (Double.isNaN(seconds)) {
            throw ToyError.valueError("Invalid value NaN (not a number)");
        }
        if (seconds < 0) {
            throw ToyError.valueError("sleep length must be non-negative");
        }
        // A long holds about 292 years of nanoseconds; anything longer cannot be waited for.
        if (seconds * 1e9 >= Long.MAX_VALUE) {
            throw ToyError.overflowError("sleep length is too large");
        }
        return (long) (seconds * 1e9);
    }
}

package toy.interpreter.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import toy.runtime.Builtin;
import toy.runtime.CoreBuiltins;
import toy.runtime.ErrorKinds;
import toy.runtime.MathBuiltins;
import toy.runtime.RandomBuiltins;
import toy.runtime.SequenceBuiltins;
import toy.runtime.TextBuiltins;

/**
 * The builtins, a group per module that defines them, each installed on its own the first time
 * the program uses one of its names ({@link LazyBuiltins}): making a builtin runs a lambda, whose
 * call site the JVM links on its first run, and a start need not link those it never calls.
 * Each group lists its names here, so that the VM can number the globals' slots without making
 * anything: in this order, the one the compiler and the bytecode cache rely on ({@code toy dis}
 * shows it). A group's {@link #make} defines exactly these names (LazyBuiltinsTest checks that).
 */
enum BuiltinGroup {
    CORE(List.of("len", "str", "float", "type", "range", "abs", "sum", "round")),
    SEQUENCES(List.of("min", "max", "sorted", "reversed", "enumerate", "zip", "any", "all", "list")),
    TEXT(List.of("bool", "repr", "int", "ord", "chr", "hex", "bin", "format")),
    MATH(List.of("divmod", "sqrt", "floor", "ceil")),
    ERRORS(ErrorKinds.KINDS),
    IO(List.of("print", "input")),
    RANDOM(List.of("random", "randint", "shuffle", "seed")),
    CONSTANTS(List.of("pi")),
    PROGRAM(List.of("clock", "sleep", "args", "exit", "assert", "cpu_count")),
    THREADS(List.of("current_thread", "Lock", "RLock", "Semaphore", "Condition", "Event", "Queue",
            "set_switch_interval", "switch_interval")),
    POOLS(List.of("is_main", "worker_index", "worker_count", "Pool"));

    /** The global names this group defines. */
    final List<String> names;

    BuiltinGroup(List<String> names) {
        this.names = names;
    }

    /** The group's values by name, for the program vm runs. */
    Map<String, Object> make(Vm vm) {
        return switch (this) {
            case CORE -> byName(CoreBuiltins.all());
            case SEQUENCES -> byName(SequenceBuiltins.all());
            case TEXT -> byName(TextBuiltins.all());
            case MATH -> byName(MathBuiltins.all());
            case ERRORS -> byName(ErrorKinds.all());
            case IO -> byName(IoBuiltins.all(vm));
            case RANDOM -> byName(new RandomBuiltins().all());
            case CONSTANTS -> CoreBuiltins.constants();
            case PROGRAM -> byName(VmBuiltins.program(vm));
            case THREADS -> byName(VmBuiltins.threads(vm));
            case POOLS -> byName(PoolBuiltins.all(vm));
        };
    }

    private static Map<String, Object> byName(List<Builtin> builtins) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Builtin builtin : builtins) {
            values.put(builtin.name(), builtin);
        }
        return values;
    }
}

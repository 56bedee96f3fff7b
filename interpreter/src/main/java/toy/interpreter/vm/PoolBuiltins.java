package toy.interpreter.vm;

import java.util.ArrayList;
import java.util.List;
import toy.runtime.Builtin;
import toy.runtime.ToyError;
import toy.runtime.Values;
import toy.runtime.pool.JavaCommand;
import toy.runtime.pool.Pool;
import toy.runtime.pool.PoolActivity;
import toy.runtime.pool.ProcessRole;
import toy.runtime.threads.Scheduler;

/**
 * LANGUAGE.md section 8: {@code Pool}, {@code is_main}, {@code worker_index} and
 * {@code worker_count}, and what a pool needs from the program (its output, its functions, the
 * command that starts a worker on the same script with the same run options).
 */
final class PoolBuiltins implements Pool.Host {
    /** The worker's main class, named rather than referenced: the worker package builds on this one. */
    private static final String WORKER_MAIN = "toy.interpreter.worker.WorkerMain";

    private final Vm vm;
    /** The script's name as the workers open it ({@link JavaCommand#scriptForAnotherProcess}), set by {@code Pool()}. */
    private String workerScript;

    private PoolBuiltins(Vm vm) {
        this.vm = vm;
    }

    /** The four builtins, for the program vm runs. */
    static List<Builtin> all(Vm vm) {
        ProcessRole role = vm.options().role();
        PoolBuiltins host = new PoolBuiltins(vm);
        return List.of(new Builtin("is_main", 0, 0, args -> !role.poolWorker()),
                new Builtin("worker_index", 0, 0, args -> (long) role.index()),
                new Builtin("worker_count", 0, 0, args -> (long) role.count()),
                new Builtin("Pool", 0, 1, args -> {
                    if (role.poolWorker()) {
                        throw ToyError.valueError("a Pool cannot be created inside a Pool worker;"
                                + " start pools under `if is_main() { … }`");
                    }
                    if (vm.script().startsWith("<")) {
                        // "<stdin>" (ReplSession.FILE): the REPL's code, which has no file a worker could run.
                        throw ToyError.valueError("a Pool needs a script file, whose top level each worker runs;"
                                + " the REPL has none: put the code in a file and run it with toy FILE");
                    }
                    host.workerScript = JavaCommand.scriptForAnotherProcess(vm.script());
                    if (host.workerScript == null) {
                        throw ToyError.valueError("a Pool needs a script file, whose top level each worker runs; "
                                + JavaCommand.notForAnotherProcess(vm.script()));
                    }
                    long size = args.length == 0 ? Runtime.getRuntime().availableProcessors() : count(args[0]);
                    Pool pool = new Pool(host, (int) size);
                    vm.pools().add(pool);
                    return pool;
                }));
    }

    private static long count(Object value) {
        if (!(value instanceof Long n)) {
            throw ToyError.typeError("Pool() argument must be an int, not '" + Values.typeName(value) + "'");
        }
        if (n < 1 || n > 4096) {
            throw ToyError.valueError("a Pool needs between 1 and 4096 workers, not " + n);
        }
        return n;
    }

    @Override
    public List<String> workerCommand(int index, int count) {
        Vm.Options options = vm.options();
        List<String> args = new ArrayList<>(List.of("--worker-index", Integer.toString(index),
                "--worker-count", Integer.toString(count)));
        args.addAll(options.arguments());
        args.add(workerScript);
        args.addAll(options.args());
        return JavaCommand.of(JavaCommand.WORKER_FLAGS, WORKER_MAIN, args);
    }

    @Override
    public void out(String line) {
        vm.write(line + "\n");
    }

    @Override
    public void err(String line) {
        vm.printError(line + "\n");
    }

    /** Workers find a function by its global name, so only a function declared at the top level can be sent. */
    @Override
    public String functionName(Object function) {
        if (function instanceof Function f && vm.globals.get(f.code().name()) == f) {
            return f.code().name();
        }
        String what = function instanceof Function f ? "the function '" + f.code().name() + "'" : "a value of type '" + Values.typeName(function) + "'";
        throw ToyError.typeError("a Pool runs only functions declared at the top level of the script, not " + what);
    }

    @Override
    public Scheduler scheduler() {
        return vm.scheduler();
    }

    @Override
    public PoolActivity activity() {
        return vm.pools().activity();
    }
}

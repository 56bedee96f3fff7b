package toy.interpreter.vm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import toy.runtime.Arity;
import toy.runtime.Builtin;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.Values;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * The builtins of LANGUAGE.md section 5 that need the running program: {@code print} with
 * {@code sep} and {@code end}, {@code input} (which gives the GIL up while it waits for a
 * line).
 */
final class IoBuiltins {
    private final Vm vm;
    /** Standard input's reader, made on the first {@code input()}; one line at a time for all threads. */
    private StdinReader stdin;

    private IoBuiltins(Vm vm) {
        this.vm = vm;
    }

    /** print and input, sharing this program's standard input. */
    static List<Builtin> all(Vm vm) {
        IoBuiltins io = new IoBuiltins(vm);
        return List.of(new Builtin("print", Arity.takes("print", 0, -1), (caller, args, keywords) -> io.print(args, keywords)),
                new Builtin("input", Arity.expects("input", 0, 1), io::input));
    }

    /** One call's text goes out in one piece, so it never interleaves with another thread's. */
    private Object print(Object[] args, toy.runtime.Keywords keywords) {
        keywords.allowOnly("print", "sep", "end");
        String sep = text(keywords.get("sep"), " ", "sep");
        String end = text(keywords.get("end"), "\n", "end");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Values.str(args[i]));
        }
        vm.write(sb.append(end).toString());
        return Nil.NIL;
    }

    private static String text(Object value, String absent, String name) {
        if (value == null || value == Nil.NIL) {
            return absent;
        }
        if (value instanceof String s) {
            return s;
        }
        throw ToyError.typeError(name + " must be nil or a str, not " + Values.typeName(value));
    }

    /**
     * A line of standard input without its line break, or nil at the end. The line is read by
     * a daemon thread of its own while this thread waits through the scheduler's one blocking
     * helper, GIL released, as a wait that something outside the program ends: it never counts
     * towards a deadlock, and {@code exit()} in another thread ends the run even while no input
     * comes. In a pool worker or a process of {@code toy launch} there is no input: nil.
     */
    private Object input(Object[] args) {
        if (args.length > 0) {
            vm.write(Values.str(args[0]));
        }
        vm.flush();
        if (!vm.options().role().readsUserInput()) {
            return Nil.NIL;
        }
        Object line = stdinReader().readLine(ThreadState.current());
        return line == END_OF_INPUT ? Nil.NIL : line;
    }

    private static final Object END_OF_INPUT = new Object();

    private synchronized StdinReader stdinReader() {
        if (stdin == null) {
            stdin = new StdinReader();
        }
        return stdin;
    }

    /** Reads standard input a line per request, on a daemon thread that may stay blocked when the run ends. */
    private final class StdinReader {
        private final Semaphore requests = new Semaphore(0);
        private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();

        /** Standard input as it is when the first input() asks (tests replace System.in), read as UTF-8. */
        private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        StdinReader() {
            Thread reader = new Thread(this::serve, "toy-stdin");
            reader.setDaemon(true);
            reader.start();
        }

        private void serve() {
            try {
                for (;;) {
                    requests.acquire();
                    String line = in.readLine();
                    lines.add(line == null ? END_OF_INPUT : line);
                    vm.scheduler().changed();
                }
            } catch (IOException e) {
                lines.add(new ToyError("RuntimeError", "cannot read standard input: " + e.getMessage()));
                vm.scheduler().changed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next line, or END_OF_INPUT; a read error is raised (again at every later call). */
        Object readLine(ThreadState me) {
            requests.release();
            vm.scheduler().awaitOutside(me, "read a line of input", Scheduler.FOREVER, () -> !lines.isEmpty());
            Object line = lines.poll();
            if (line instanceof ToyError error) {
                lines.add(line);
                throw error;
            }
            return line;
        }
    }
}

package toy.interpreter.vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.objectweb.asm.MethodTooLargeException;
import toy.interpreter.bytecode.Code;

/**
 * The second tier of one VM: when code is hot enough to compile ({@link Tier}), and the
 * compiling itself, by {@link JitCompiler} into a hidden class of this package (so that it
 * reaches the interpreter's package-private members, and is unloaded with its code).
 *
 * <p>Thresholds: a function is compiled at its {@link #CALLS}th call, a loop after
 * {@link #CHECKPOINTS} budgets used up inside its code (about a thousand instructions at the
 * default switch interval); HotSpot then compiles the result further as it runs. Compiling
 * happens on a thread of its own, as HotSpot's and V8's compilers do, while the interpreter
 * goes on: the first compile of a run runs ASM's code cold and took 20-70 ms on the main
 * thread. {@link Mode#EAGER}
 * compiles at once, on the calling thread, at a function's second call and at the first
 * checkpoint in any code, so that tests run every program through the compiled code, both
 * ways in: by a call, and from the interpreter at a loop header of code called once.
 */
final class Jit {
    /** off: the interpreter alone; on: the default; eager: compile everything at once (tests). */
    enum Mode { OFF, ON, EAGER }

    static final int CALLS = 2;
    static final int CHECKPOINTS = 16;
    /**
     * Code longer than this (in instruction words) stays interpreted: its JVM method, about 35
     * bytes per word, would come near the JVM's limit of 65,535 bytes of code per method.
     * Methods above 8,000 bytes (about 230 words) HotSpot compiles only with
     * {@code -XX:-DontCompileHugeMethods}, which {@code ./toy} and pool workers pass.
     */
    static final int MAX_INSTRUCTIONS = 1500;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** The eager mode's thresholds: a function's second call (so that code called once enters by a loop header), any checkpoint. */
    static final int EAGER_CALLS = 2;
    static final int EAGER_CHECKPOINTS = 1;

    /**
     * The thread compiling in the background, one per JVM (a process may run several VMs: the
     * REPL, tests). A plain ThreadPoolExecutor, not Executors.newSingleThreadExecutor: that one's
     * class has a finalizer, and loading it made HotSpot throw away the compiled code that
     * assumed no finalizable class was loaded (-XX:+LogCompilation: a dependency failure in every run).
     */
    private static final ExecutorService BACKGROUND = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "toy-jit");
                thread.setDaemon(true);
                return thread;
            });

    final int callThreshold;
    final int checkpointThreshold;
    /** Whether to compile on {@link #BACKGROUND}, or at once on the caller's thread. */
    private final boolean background;
    /**
     * Whether Toy threads other than the one asking for a compile live (spawned and not ended:
     * running, waiting for the GIL, blocked or asleep): JitCompiler's loopsCloseByJump.
     */
    private final BooleanSupplier othersLive;

    private Jit(int callThreshold, int checkpointThreshold, boolean background, BooleanSupplier othersLive) {
        this.callThreshold = callThreshold;
        this.checkpointThreshold = checkpointThreshold;
        this.background = background;
        this.othersLive = othersLive;
    }

    /**
     * The second tier the JVM property {@code toy.jit} asks for ({@code on}, the default;
     * {@code off}; {@code eager}), or null when off; othersLive tells it whether Toy threads
     * other than the calling one live. Any other value is a usage error of the developer who set
     * it: IllegalArgumentException, naming the values.
     */
    static Jit fromProperty(BooleanSupplier othersLive) {
        String value = System.getProperty("toy.jit", "on");
        for (Mode mode : Mode.values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return of(mode, othersLive);
            }
        }
        throw new IllegalArgumentException("-Dtoy.jit=" + value + ": the JIT is on, off or eager");
    }

    /** The second tier for mode, or null for {@link Mode#OFF}. */
    private static Jit of(Mode mode, BooleanSupplier othersLive) {
        return switch (mode) {
            case OFF -> null;
            case ON -> new Jit(CALLS, CHECKPOINTS, true, othersLive);
            case EAGER -> new Jit(EAGER_CALLS, EAGER_CHECKPOINTS, false, othersLive);
        };
    }

    /**
     * Compiles code for tier, now or in the background, and sets its compiled form when done.
     * Whether other threads live is asked here, on the thread that found the code hot.
     */
    void compile(Code code, Tier tier) {
        boolean whileOthersLive = othersLive.getAsBoolean();
        if (background) {
            BACKGROUND.execute(() -> tier.compiled = compiled(code, whileOthersLive));
        } else {
            tier.compiled = compiled(code, whileOthersLive);
        }
    }

    /**
     * Code's compiled form, or null if it stays with the interpreter (too long). A failure to
     * compile is a bug of the compiler: with assertions enabled (the tests) it is thrown as an
     * AssertionError; otherwise the code stays interpreted, which runs it correctly.
     */
    private static Compiled compiled(Code code, boolean whileOthersLive) {
        if (code.instructions().length > MAX_INSTRUCTIONS) {
            return null;
        }
        try {
            boolean[] loopHeaders = JitCompiler.loopHeaders(code);
            JitCompiler.Output output = JitCompiler.compile(code, loopHeaders,
                    "toy/interpreter/vm/Compiled_" + javaName(code.name()), whileOthersLive);
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(output.classFile(), true);
            CompiledCode compiled = (CompiledCode) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            return new Compiled(compiled, loopHeaders, output.handsBudgetOn());
        } catch (MethodTooLargeException e) {
            // Many locals written back around many instructions without a pattern: stays interpreted.
            return null;
        } catch (Throwable e) {
            if (Jit.class.desiredAssertionStatus()) {
                throw new AssertionError("compiling " + code.name() + " (" + code.file() + ")", e);
            }
            return null;
        }
    }

    /** A Toy function's name as the end of a JVM class name, for profiles: {@code <main>} is {@code main}. */
    private static String javaName(String name) {
        String letters = name.replaceAll("[^A-Za-z0-9_]", "");
        return letters.isEmpty() ? "code" : letters;
    }
}

package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;

/**
 * Which tier runs one {@link Code}: the interpreter until the code is hot, then the JVM
 * bytecode that {@link JitCompiler} made of it. Hot means called, or budgets used up inside
 * it (a loop), as many times as the {@link Jit}'s thresholds say.
 *
 * <p>The counters are updated without synchronization: a lost update under {@code --gil off}
 * only delays the compile. {@link #compiled} is written once, by the thread that compiled
 * (the JIT's own thread, or the caller's in the eager mode), and read by every Toy thread.
 */
public final class Tier {
    private int calls;
    private int checkpoints;
    /** The compiled form, once made; null before, and forever if compiling failed. */
    volatile Compiled compiled;
    /** Whether the code was handed to the compiler (it is compiled once, or never). */
    private boolean queued;

    /** Counts a call of the code, handing it to the compiler at the threshold. */
    void called(Code code, Jit jit) {
        if (!queued && ++calls >= jit.callThreshold) {
            compile(code, jit);
        }
    }

    /** Counts a budget used up inside the code; true once it is compiled. */
    boolean checkpointed(Code code, Jit jit) {
        if (!queued && ++checkpoints >= jit.checkpointThreshold) {
            compile(code, jit);
        }
        return compiled != null;
    }

    private synchronized void compile(Code code, Jit jit) {
        if (!queued) {
            queued = true;
            jit.compile(code, this);
        }
    }
}

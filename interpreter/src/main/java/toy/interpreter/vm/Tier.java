package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;

/**
 * Which tier runs one {@link Code}: the interpreter until the code is hot, then the JVM
 * bytecode that {@link JitCompiler} made of it. Hot means called, or budgets used up inside
 * it (a loop), as many times as the {@link Jit}'s thresholds say.
 *
 * <p>The counters are updated without synchronization: a lost update under {@code --gil off}
 * only delays the compile. {@link #compiled} is written once, by the thread that compiled.
 */
public final class Tier {
    private int calls;
    private int checkpoints;
    /** The compiled form, once made; null before, and forever if compiling failed. */
    Compiled compiled;
    private boolean failed;

    /** Counts a call of the code; true once it is compiled (compiling it at the threshold). */
    boolean called(Code code, Jit jit) {
        if (compiled == null && !failed && ++calls >= jit.callThreshold) {
            compile(code, jit);
        }
        return compiled != null;
    }

    /** Counts a budget used up inside the code; true once it is compiled. */
    boolean checkpointed(Code code, Jit jit) {
        if (compiled == null && !failed && ++checkpoints >= jit.checkpointThreshold) {
            compile(code, jit);
        }
        return compiled != null;
    }

    private synchronized void compile(Code code, Jit jit) {
        if (compiled == null && !failed) {
            compiled = jit.compile(code);
            failed = compiled == null;
        }
    }
}

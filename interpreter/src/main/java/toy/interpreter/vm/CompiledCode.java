package toy.interpreter.vm;

/**
 * A Toy function's code compiled to a JVM method by {@link JitCompiler}; one hidden class
 * implements it per {@link toy.interpreter.bytecode.Code}.
 */
interface CompiledCode {
    /**
     * Runs frame, the innermost of in, from offset entry (0, or a loop header where the
     * interpreter left off; the frame's slots then hold the state there) until it returns:
     * its result is then in the slot below the frame's base and the frame is popped, as the
     * interpreter's RETURN does. A Toy error that no try of the code catches pops the frame,
     * adds the frame's traceback line and propagates.
     */
    void run(Interpreter in, Frame frame, int entry);
}

package toy.interpreter.vm;

/**
 * A {@link toy.interpreter.bytecode.Code}'s compiled form: the JVM method, where it can be
 * entered (offset 0 and each loop header), and per offset whether the instruction there hands
 * the budget to code it calls ({@link JitCompiler.Output}).
 */
record Compiled(CompiledCode code, boolean[] entries, boolean[] handsBudgetOn) {
    boolean entersAt(int pc) {
        return pc == 0 || entries[pc];
    }
}

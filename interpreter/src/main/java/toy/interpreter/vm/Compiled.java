package toy.interpreter.vm;

/**
 * A {@link toy.interpreter.bytecode.Code}'s compiled form and where it can be entered: offset 0
 * and each loop header (per offset into the instructions).
 */
record Compiled(CompiledCode code, boolean[] entries) {
    boolean entersAt(int pc) {
        return pc == 0 || entries[pc];
    }
}

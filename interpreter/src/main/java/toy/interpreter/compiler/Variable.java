package toy.interpreter.compiler;

/**
 * A declared name: a global (slot in the program's Globals) or a local of one function (a
 * frame slot). A local that an inner function uses is "captured": it lives in a cell so the
 * closure and the function share it.
 */
final class Variable {
    final String name;
    /** The function whose frame holds the local, or null for a global. */
    final FunctionInfo owner;
    final int slot;
    boolean captured;
    /**
     * Whether a function made above its declaration captures it ({@link Scope#declaredBelow}):
     * its cell is made, empty, when its block starts, and its declaration assigns the cell; a
     * read through it before that is a NameError.
     */
    boolean boundAtEntry;
    /** Whether a {@code catch} binds it: it holds an Error, whose {@code kind} is one of ErrorKinds. */
    boolean caught;
    /**
     * For a global that a name refers to where no variable in scope has that name: the variable
     * in scope there nearest to it, for "Did you mean" if the global is never defined; else null.
     */
    String nearLocal;

    Variable(String name, FunctionInfo owner, int slot) {
        this.name = name;
        this.owner = owner;
        this.slot = slot;
    }

    boolean isGlobal() {
        return owner == null;
    }
}

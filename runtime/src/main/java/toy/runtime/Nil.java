package toy.runtime;

/** Toy's {@code nil}. A singleton rather than Java's null, which the VM's stacks reserve. */
public final class Nil {
    public static final Nil NIL = new Nil();

    private Nil() {
    }

    @Override
    public String toString() {
        return "nil";
    }
}

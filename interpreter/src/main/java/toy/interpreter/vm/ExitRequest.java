package toy.interpreter.vm;

/** Thrown by {@code exit(code)}: ends the run at once with that status. Not catchable by a script. */
public final class ExitRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ExitRequest(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package toy.runtime;

/**
 * A value with attributes ({@code x.name}) or methods ({@code x.m(a)}). {@link Methods} dispatches
 * to it and turns a Java null from either method into Toy's "has no attribute" error.
 */
public interface Members {
    /** The attribute's value (a {@link BoundMethod} for a method name), or Java null if there is none. */
    Object getAttribute(String name);

    /** Calls the method with these arguments, or returns Java null if there is no such method. */
    Object callMethod(String name, Object[] args);
}

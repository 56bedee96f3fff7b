package toy.runtime;

/**
 * A Toy value implemented by a Java class of its own (functions, lists, maps, threads, ...).
 * Values that are plain JDK objects (Long, Double, Boolean, String) and {@link Nil} are handled
 * directly by {@link Values}.
 */
public interface ToyObject {
    /** The name {@code type(x)} gives, e.g. {@code "list"}. */
    String typeName();

    /** The text {@code print} and {@code str} show for this value. */
    String str();

    /** The text shown for this value inside a list or map; the same as {@link #str()} unless overridden. */
    default String repr() {
        return str();
    }
}

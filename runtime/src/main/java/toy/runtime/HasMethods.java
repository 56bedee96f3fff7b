package toy.runtime;

/**
 * A value whose methods are one {@link MethodTable}, as str, list and map have: the table serves
 * both {@code x.m} (a bound method) and {@code x.m(…)}, keywords included. Attributes that are
 * not methods ({@code t.name}) come from {@link Members#getAttribute} when the value is also a
 * {@link Members}.
 */
public interface HasMethods {
    MethodTable<?> methods();
}

package toy.runtime;

/** What {@code for} walks over; made by {@link Iteration#iterator}. */
public interface ToyIterator {
    boolean hasNext();

    Object next();
}

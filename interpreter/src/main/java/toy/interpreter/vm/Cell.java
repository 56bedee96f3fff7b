package toy.interpreter.vm;

/** A variable shared between a function and the closures that capture it. Holds a boxed value. */
final class Cell {
    Object value;

    Cell(Object value) {
        this.value = value;
    }
}

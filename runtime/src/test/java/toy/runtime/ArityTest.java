package toy.runtime;

import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class ArityTest {
    @Test
    void takesWording() {
        Arity.takes("f", 0, 0).check(0);
        error("TypeError: f() takes no arguments (1 given)", () -> Arity.takes("f", 0, 0).check(1));
        error("TypeError: len() takes exactly one argument (2 given)", () -> Arity.takes("len", 1, 1).check(2));
        error("TypeError: g() takes exactly 2 arguments (3 given)", () -> Arity.takes("g", 2, 2).check(3));
        error("TypeError: round() takes at most 2 arguments (3 given)", () -> Arity.takes("round", 1, 2).check(3));
        error("TypeError: str() takes at most 1 argument (2 given)", () -> Arity.takes("str", 0, 1).check(2));
        error("TypeError: sum() takes at least 1 positional argument (0 given)", () -> Arity.takes("sum", 1, 2).check(0));
    }

    @Test
    void expectsWording() {
        Arity.expects("min", 1, -1).check(100);
        error("TypeError: range expected at least 1 argument, got 0", () -> Arity.expects("range", 1, 3).check(0));
        error("TypeError: range expected at most 3 arguments, got 4", () -> Arity.expects("range", 1, 3).check(4));
        error("TypeError: insert expected 2 arguments, got 1", () -> Arity.expects("insert", 2, 2).check(1));
        error("TypeError: min expected at least 1 argument, got 0", () -> Arity.expects("min", 1, -1).check(0));
    }
}

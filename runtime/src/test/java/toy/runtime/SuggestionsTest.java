package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CPython 3.11's "Did you mean", with its costs and its limit. */
class SuggestionsTest {
    @Test
    void theNearestCandidateWithinAThirdOfTheCharacters() {
        assertEquals(". Did you mean: 'append'?", Suggestions.didYouMean("apend", List.of("pop", "append", "extend")));
        assertEquals(". Did you mean: 'count'?", Suggestions.didYouMean("cuont", List.of("len", "count")));
        assertEquals(". Did you mean: 'len'?", Suggestions.didYouMean("lenn", List.of("len", "min")));
        // A change of case costs half an edit.
        assertEquals(". Did you mean: 'Lock'?", Suggestions.didYouMean("lock", List.of("Lock", "clock")));
        assertEquals("", Suggestions.didYouMean("xyz", List.of("len", "print")));
        assertEquals("", Suggestions.didYouMean("len", List.of("len")));
    }

    @Test
    void distancesAsCPythonCountsThem() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "aBc"));
        assertEquals(2, Suggestions.distance("abc", "abd"));
        assertEquals(2, Suggestions.distance("abc", "ab"));
        assertEquals(4, Suggestions.distance("cuont", "count"));
    }
}

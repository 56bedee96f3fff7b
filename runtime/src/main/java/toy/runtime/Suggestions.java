package toy.runtime;

/**
 * CPython 3.11's "Did you mean" for a name that is not defined or an attribute that does not
 * exist (Python/suggestions.c): the candidate nearest to the name by an edit distance in which
 * changing a letter's case costs 1 and any other insertion, deletion or substitution 2, if that
 * distance is at most (length of the name + length of the candidate + 3) * 2 / 6, so that no more
 * than about a third of the characters change; the first of equally near candidates wins.
 */
public final class Suggestions {
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;
    /** Longer names get no suggestion, as in CPython. */
    private static final int MAX_STRING_SIZE = 40;

    private Suggestions() {
    }

    /** {@code ". Did you mean: 'x'?"} for the candidate nearest to name, or "" when none is near enough. */
    public static String didYouMean(String name, Iterable<String> candidates) {
        String best = nearest(name, candidates);
        return best == null ? "" : didYouMean(best);
    }

    /** {@code ". Did you mean: 'x'?"} for x. */
    public static String didYouMean(String x) {
        return ". Did you mean: '" + x + "'?";
    }

    /** The candidate nearest to name, or null when none is near enough. */
    public static String nearest(String name, Iterable<String> candidates) {
        if (name.length() > MAX_STRING_SIZE) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(name) || candidate.length() > MAX_STRING_SIZE) {
                continue;
            }
            int limit = Math.min((name.length() + candidate.length() + 3) * MOVE_COST / 6, bestDistance - 1);
            if (Math.abs(name.length() - candidate.length()) * MOVE_COST > limit) {
                continue; // the difference in length alone costs more: no need for the whole table
            }
            int distance = distance(name, candidate);
            if (distance <= limit) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The edit distance of a and b with CPython's costs (Wagner-Fischer, one row). */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j * MOVE_COST;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i * MOVE_COST;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int substitution = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? CASE_COST : MOVE_COST;
                row[j] = Math.min(diagonal + substitution, Math.min(above, row[j - 1]) + MOVE_COST);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}

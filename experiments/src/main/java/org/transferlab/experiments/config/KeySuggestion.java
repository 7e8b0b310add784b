package org.transferlab.experiments.config;

import java.util.List;

/**
 * The "did you mean" of an unknown config key: the known key closest to it by edit distance, when it is
 * close enough to be a likely typo ({@code sedes} suggests {@code seeds}); a key far from every known one suggests nothing.
 */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /** {@code " (did you mean 'KEY'?)"} for the likeliest intended key, or an empty string when none is close. */
    static String forTypo(String key, List<String> known) {
        String best = null;
        int bestDistance = 5;
        for (String candidate : known) {
            // On a tie, a candidate of the same length is the likelier typo (seedz: seeds, not seed).
            int distance = 2 * editDistance(key, candidate) + (candidate.length() == key.length() ? 0 : 1);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

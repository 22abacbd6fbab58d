package nl.veiligwerken.query.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small-group suppression for figures shown across teams, so that no person can be recognised in them.
 * <p>
 * Primary: a count from 1 to 4 is not shown ({@link Reason#SMALL}, "&lt; 5").
 * Zero is shown: it names no one.
 * <p>
 * Complementary: a <em>line</em> is a set of parts and the total they add up to (a team's severities and the
 * team's incidents; one category over all teams and the organisation's figure). No hidden cell of a line, part or
 * total, may be worked out from the cells of the line that are shown: for every hidden cell, what the other hidden
 * ones could be (a small one 1 to 4, a complementary one 5 or more, as someone who knows this rule would reason)
 * must leave it more than one possible value. When a line fails, its smallest shown part above zero is hidden too
 * ({@link Reason#COMPLEMENTARY}), or, when there is none, its total; this repeats over all lines until none fails,
 * since hiding a cell of one line can open another (a team's cell is in its row and in its column). Each line is
 * checked on its own: an attack that combines several lines is made hard, not ruled out.
 *
 * @param <K> what names a cell; a cell in several lines is the same key in each
 */
final class SmallCountSuppression<K> {

    static final int MINIMUM_GROUP = 5;
    /** Upper bound of a complementary cell as far as anyone can tell from the line alone. */
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    enum Reason {
        /** 1 to 4: a group small enough to point to a person. */
        SMALL,
        /** Any other count, hidden so that a small one cannot be calculated from the rest. */
        COMPLEMENTARY
    }

    private record Line<K>(List<K> parts, K total) {
    }

    private final Map<K, Integer> counts = new LinkedHashMap<>();
    private final List<Line<K>> lines = new ArrayList<>();

    /** A cell to be shown; the same key twice must be the same count. */
    SmallCountSuppression<K> cell(K key, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative: " + key + " = " + count);
        }
        Integer earlier = counts.putIfAbsent(key, count);
        if (earlier != null && earlier != count) {
            throw new IllegalArgumentException("one cell, two counts: " + key + " = " + earlier + " and " + count);
        }
        return this;
    }

    /** Parts that add up exactly to a total; all of them cells already. */
    SmallCountSuppression<K> line(List<K> parts, K total) {
        List<K> all = new ArrayList<>(parts);
        all.add(total);
        all.forEach(key -> Objects.requireNonNull(counts.get(key), () -> "not a cell: " + key));
        if (parts.stream().mapToInt(counts::get).sum() != counts.get(total)) {
            throw new IllegalArgumentException("the parts " + parts + " do not add up to " + total);
        }
        lines.add(new Line<>(List.copyOf(parts), total));
        return this;
    }

    /** The cells not to show and why; every other cell may be shown as it is. */
    Map<K, Reason> suppress() {
        Map<K, Reason> hidden = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (count >= 1 && count < MINIMUM_GROUP) {
                hidden.put(key, Reason.SMALL);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line<K> line : lines) {
                if (givesAway(line, hidden)) {
                    K complement = complement(line, hidden);
                    if (complement != null) {
                        hidden.put(complement, Reason.COMPLEMENTARY);
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }

    /**
     * True when a hidden cell of the line (a part, or the total) has one possible value, given the cells shown and
     * what the rule says of the hidden ones. The line reads: the parts minus the total make zero.
     */
    private boolean givesAway(Line<K> line, Map<K, Reason> hidden) {
        List<K> unknown = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        long known = 0;
        for (int i = 0; i <= line.parts().size(); i++) {
            K cell = i < line.parts().size() ? line.parts().get(i) : line.total();
            int sign = i < line.parts().size() ? 1 : -1;
            if (hidden.containsKey(cell)) {
                unknown.add(cell);
                signs.add(sign);
            } else {
                known += sign * (long) counts.get(cell);
            }
        }
        for (int i = 0; i < unknown.size(); i++) {
            // what the other hidden cells of the line add up to (with their signs), at least and at most
            long othersLowest = 0;
            long othersHighest = 0;
            for (int j = 0; j < unknown.size(); j++) {
                if (j != i) {
                    Reason reason = hidden.get(unknown.get(j));
                    othersLowest = add(othersLowest, signs.get(j) > 0 ? lowest(reason) : -highest(reason));
                    othersHighest = add(othersHighest, signs.get(j) > 0 ? highest(reason) : -lowest(reason));
                }
            }
            Reason reason = hidden.get(unknown.get(i));
            // sign * x + known + others = 0
            long from = signs.get(i) > 0 ? -known - othersHighest : known + othersLowest;
            long to = signs.get(i) > 0 ? -known - othersLowest : known + othersHighest;
            if (Math.max(from, lowest(reason)) >= Math.min(to, highest(reason))) {
                return true;
            }
        }
        return false;
    }

    /** The smallest shown part above zero (the first of equals), else the total when it is shown; null: none left. */
    private K complement(Line<K> line, Map<K, Reason> hidden) {
        K smallest = null;
        for (K part : line.parts()) {
            int count = counts.get(part);
            if (!hidden.containsKey(part) && count > 0 && (smallest == null || count < counts.get(smallest))) {
                smallest = part;
            }
        }
        if (smallest == null && !hidden.containsKey(line.total()) && counts.get(line.total()) > 0) {
            return line.total();
        }
        return smallest;
    }

    private static long add(long a, long b) {
        return Math.max(-UNBOUNDED, Math.min(UNBOUNDED, a + b));
    }

    private static long lowest(Reason reason) {
        return reason == Reason.SMALL ? 1 : MINIMUM_GROUP;
    }

    private static long highest(Reason reason) {
        return reason == Reason.SMALL ? MINIMUM_GROUP - 1 : UNBOUNDED;
    }
}

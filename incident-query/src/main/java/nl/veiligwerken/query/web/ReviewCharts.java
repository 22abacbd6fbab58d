package nl.veiligwerken.query.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The review's dimensions as rows of numbers over the quarters, and each as a bar chart drawn on the server:
 * the page renders the shapes as inline SVG (no script; the CSP forbids it), the same numbers in a table below.
 * One group of bars per category (its label above), one bar per quarter, the latest the darkest.
 */
final class ReviewCharts {

    /** Light to dark: older quarters fade, the quarter under review stands out. Contrast checked against white. */
    static final List<String> FILLS = List.of("#9ecae1", "#6baed6", "#3182bd", "#08519c");

    static final int WIDTH = 640;
    private static final int BARS_FROM = 0;
    private static final int BARS_WIDTH = 560;
    private static final int LEGEND = 28;
    private static final int LABEL = 18;
    private static final int BAR = 12;
    private static final int GAP = 10;

    /**
     * {@code labelKey} a message key, or the label itself when {@code labelIsText} (a team's name); a value null
     * when it is not shown, with the key of what is shown instead in {@code hiddenKeys} (the organisation's "&lt; 5").
     */
    record Row(String labelKey, boolean labelIsText, List<Integer> values, List<String> hiddenKeys) {

        Row(String labelKey, List<Integer> values) {
            this(labelKey, false, values, java.util.Collections.nCopies(values.size(), null));
        }
    }

    record Dimension(String id, String titleKey, List<Row> rows, Chart chart) {
    }

    record Chart(int width, int height, List<Legend> legend, List<Group> groups) {
    }

    record Legend(int x, String fill, String quarter) {
    }

    record Group(String labelKey, boolean labelIsText, int labelY, List<Bar> bars) {
    }

    /** A value not shown has no bar ({@code width} 0) and the text of {@code hiddenKey} where its number would be. */
    record Bar(int x, int y, int width, int height, String fill, Integer value, String hiddenKey, int textX, int textY) {
    }

    private ReviewCharts() {
    }

    static <E extends Enum<E>> Dimension dimension(String id, String titleKey, String labelPrefix, E[] values,
                                                   List<QuarterlyReviews.Figures> quarters,
                                                   Function<QuarterlyReviews.Figures, Map<E, Integer>> counts) {
        List<Row> rows = new ArrayList<>();
        for (E value : values) {
            rows.add(new Row(labelPrefix + value.name(),
                    quarters.stream().map(q -> counts.apply(q).getOrDefault(value, 0)).toList()));
        }
        return new Dimension(id, titleKey, rows, chart(rows, quarters.stream().map(QuarterlyReviews.Figures::quarter).toList()));
    }

    static Chart chart(List<Row> rows, List<String> quarters) {
        int max = Math.max(1, rows.stream().flatMap(r -> r.values().stream()).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(1));
        List<Legend> legend = new ArrayList<>();
        for (int i = 0; i < quarters.size(); i++) {
            legend.add(new Legend(i * 110, FILLS.get(i + FILLS.size() - quarters.size()), quarters.get(i)));
        }
        List<Group> groups = new ArrayList<>();
        int y = LEGEND;
        for (Row row : rows) {
            int labelY = y + LABEL - 5;
            y += LABEL;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < row.values().size(); i++) {
                Integer value = row.values().get(i);
                // a zero still shows a sliver, so "none" reads differently from "missing"
                int width = value == null ? 0 : Math.max(1, Math.round((float) BARS_WIDTH * value / max));
                bars.add(new Bar(BARS_FROM, y, width, BAR - 2, legend.get(i).fill(), value, row.hiddenKeys().get(i),
                        BARS_FROM + width + 4, y + BAR - 3));
                y += BAR;
            }
            groups.add(new Group(row.labelKey(), row.labelIsText(), labelY, bars));
            y += GAP;
        }
        return new Chart(WIDTH, y, legend, groups);
    }
}

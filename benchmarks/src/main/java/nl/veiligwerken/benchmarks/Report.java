package nl.veiligwerken.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The table the run prints and writes: one row per figure, with its ratio to a baseline and its target. */
final class Report {

    /** {@code ratio} and {@code target} may be empty; {@code met} is null where there is no target. */
    record Row(String measure, String figure, String ratio, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String measure, String figure, String ratio, String target, Boolean met) {
        rows.add(new Row(measure, figure, ratio, target, met));
    }

    void add(String measure, String figure) {
        add(measure, figure, "", "", null);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f/s", perSecond)
                : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    /** {@code value / base} with the base's name, e.g. {@code 0.23 × P8}; empty without a base. */
    static String ratio(double value, OptionalDouble base, String baseName) {
        if (base.isEmpty() || base.getAsDouble() <= 0) {
            return "";
        }
        double ratio = value / base.getAsDouble();
        // small ratios keep their digits: 0.0024 is not 0.00
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.4f × %s" : "%.2f × %s", ratio, baseName);
    }

    /** Whether {@code value ≥ factor × base}; null when there is no base to compare with. */
    static Boolean atLeast(double value, double factor, OptionalDouble base) {
        return base.isEmpty() ? null : value >= factor * base.getAsDouble();
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s ms (n=%d)", num(ms(h, 50)), num(ms(h, 99)),
                num(h.getMaxValue() / 1000.0), h.getTotalCount());
    }

    static String p95(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p95 %s ms (p50 %s, max %s, n=%d)", num(ms(h, 95)), num(ms(h, 50)),
                num(h.getMaxValue() / 1000.0), h.getTotalCount());
    }

    static String num(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** A Markdown table (readable as plain text too). */
    String markdown(String title, List<String> header) {
        StringBuilder out = new StringBuilder();
        out.append(title).append("\n\n");
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        out.append("| measure | figure | ratio | target | met |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(cell(row.measure())).append(" | ").append(cell(row.figure())).append(" | ")
                    .append(cell(row.ratio())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}

package nl.veiligwerken.query.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.OrganisationTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The quarterly review for the team meeting: a CSV for Excel and a plain PDF, with the same rows as the page
 * (each a label and a number per quarter) and, for those who may read them, the learning points and measures.
 */
@Component
class ReviewExports {

    /** Excel recognises UTF-8 by this mark; without it "cliënt" arrives garbled. */
    private static final String BOM = "\uFEFF";
    /** Dutch Excel splits columns on a semicolon: the comma is its decimal separator. */
    private static final char SEPARATOR = ';';

    record Row(String section, String label, List<String> values) {
    }

    private final MessageSource messages;
    private final OrganisationTime time;

    ReviewExports(MessageSource messages, OrganisationTime time) {
        this.messages = messages;
        this.time = time;
    }

    String csv(QuarterlyReviews.Report report, Locale locale) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, Stream.concat(Stream.of(text("review.export.section", locale), text("review.export.category", locale)),
                report.quarters().stream().map(QuarterlyReviews.Figures::quarter)).toList());
        for (Row row : rows(report, locale)) {
            line(csv, Stream.concat(Stream.of(row.section(), row.label()), row.values().stream()).toList());
        }
        if (report.textsShown()) {
            String learning = text("review.learning", locale, report.quarter());
            report.learningPoints().forEach(p -> line(csv, List.of(learning, text("analysis.level." + p.level(), locale),
                    p.skill() == null ? "" : text("analysis.skill." + p.skill(), locale), p.text())));
            String measures = text("review.measures", locale, report.quarter());
            report.measures().forEach(m -> line(csv, List.of(measures, m.description(),
                    time.format(m.dueAt(), locale), status(m, locale))));
        }
        return csv.toString();
    }

    byte[] pdf(QuarterlyReviews.Report report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("review.heading", locale, report.teamName(), report.quarter()));
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
            document.add(new Paragraph(text("review.heading", locale, report.teamName(), report.quarter()), title));
            String section = null;
            PdfPTable table = null;
            for (Row row : rows(report, locale)) {
                if (!row.section().equals(section)) {
                    add(document, table);
                    section = row.section();
                    document.add(new Paragraph(section, heading));
                    table = table(report, locale, body);
                }
                table.addCell(new Phrase(row.label(), body));
                for (String value : row.values()) {
                    PdfPCell cell = new PdfPCell(new Phrase(value, body));
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(cell);
                }
            }
            add(document, table);
            if (report.textsShown()) {
                document.add(new Paragraph(text("review.learning", locale, report.quarter()), heading));
                if (report.learningPoints().isEmpty()) {
                    document.add(new Paragraph(text("review.learning.none", locale), body));
                }
                for (QuarterlyReviews.LearningPointText p : report.learningPoints()) {
                    String skill = p.skill() == null ? "" : " (" + text("analysis.skill." + p.skill(), locale) + ")";
                    document.add(new Paragraph(text("analysis.level." + p.level(), locale) + ": " + p.text() + skill, body));
                }
                document.add(new Paragraph(text("review.measures", locale, report.quarter()), heading));
                for (QuarterlyReviews.Measure m : report.measures()) {
                    document.add(new Paragraph(m.description() + " \u2014 " + status(m, locale), body));
                }
            } else {
                document.add(new Paragraph(text("review.texts.hidden", locale), body));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the review as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** What the page shows in its tables, one label and one number per quarter per row. */
    List<Row> rows(QuarterlyReviews.Report report, Locale locale) {
        List<QuarterlyReviews.Figures> q = report.quarters();
        List<Row> rows = new ArrayList<>();
        String incidents = text("review.incidents", locale);
        rows.add(new Row(incidents, text("review.export.total", locale), values(q, f -> f.incidents())));
        dimension(rows, text("review.byKind", locale), "incident.kind.", AggressionKind.values(), q,
                QuarterlyReviews.Figures::byKind, locale);
        dimension(rows, text("review.bySeverity", locale), "incident.severity.", Severity.values(), q,
                QuarterlyReviews.Figures::bySeverity, locale);
        dimension(rows, text("review.bySetting", locale), "incident.setting.", Setting.values(), q,
                QuarterlyReviews.Figures::bySetting, locale);
        String aftercare = text("review.aftercare", locale);
        rows.add(new Row(aftercare, text("review.aftercare.needed", locale), values(q, f -> f.aftercare().needed())));
        rows.add(new Row(aftercare, text("review.aftercare.given", locale), values(q, f -> f.aftercare().given())));
        rows.add(new Row(aftercare, text("review.aftercare.percentage", locale), q.stream()
                .map(f -> f.aftercare().percentage() == null ? "" : f.aftercare().percentage() + "%").toList()));
        String actions = text("review.actions", locale);
        rows.add(new Row(actions, text("review.actions.planned", locale), values(q, f -> f.actions().planned())));
        rows.add(new Row(actions, text("review.actions.open", locale), values(q, f -> f.actions().open())));
        rows.add(new Row(actions, text("review.actions.completed", locale), values(q, f -> f.actions().completed())));
        dimension(rows, text("review.learning.byLevel", locale), "analysis.level.", LearningLevel.values(), q,
                QuarterlyReviews.Figures::learningPointsByLevel, locale);
        dimension(rows, text("review.training", locale), "analysis.skill.", Skill.values(), q,
                QuarterlyReviews.Figures::learningPointsBySkill, locale);
        String measures = text("review.export.measures", locale);
        rows.add(new Row(measures, text("review.actions.planned", locale), values(q, f -> f.measures().planned())));
        rows.add(new Row(measures, text("review.actions.open", locale), values(q, f -> f.measures().open())));
        rows.add(new Row(measures, text("review.actions.completed", locale), values(q, f -> f.measures().completed())));
        return rows;
    }

    private <E extends Enum<E>> void dimension(List<Row> rows, String section, String prefix, E[] values,
                                               List<QuarterlyReviews.Figures> quarters,
                                               Function<QuarterlyReviews.Figures, Map<E, Integer>> counts, Locale locale) {
        for (E value : values) {
            rows.add(new Row(section, text(prefix + value.name(), locale),
                    values(quarters, f -> counts.apply(f).getOrDefault(value, 0))));
        }
    }

    private static List<String> values(List<QuarterlyReviews.Figures> quarters,
                                       Function<QuarterlyReviews.Figures, Integer> value) {
        return quarters.stream().map(value).map(String::valueOf).toList();
    }

    private PdfPTable table(QuarterlyReviews.Report report, Locale locale, Font font) {
        PdfPTable table = new PdfPTable(1 + report.quarters().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        table.addCell(new Phrase(text("review.export.category", locale), font));
        report.quarters().forEach(q -> table.addCell(new Phrase(q.quarter(), font)));
        return table;
    }

    private static void add(Document document, PdfPTable table) {
        if (table != null) {
            document.add(table);
        }
    }

    private String status(QuarterlyReviews.Measure measure, Locale locale) {
        return measure.completedAt() != null
                ? text("review.measure.done", locale, time.format(measure.completedAt(), locale))
                : text("review.measure." + measure.status(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * One CSV line: a field with the separator, a quote or a line break is quoted; one starting with a formula
     * sign gets an apostrophe, so Excel shows a typed learning point instead of running it.
     */
    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(SEPARATOR);
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            if (field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                field = '"' + field.replace("\"", "\"\"") + '"';
            }
            csv.append(field);
        }
        csv.append("\r\n");
    }
}

package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The incident analysis as a form: causes, risk factors, learning points and preventive measures as rows.
 * Empty rows are left out before anything is checked, so a row's errors name its place among the rows sent.
 * Each measure carries the id of the action it becomes, made with the row.
 */
record AnalysisForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotBlank(message = "{incident.analysis.causes.required}")
        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String causes,

        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String riskFactors,

        @Size(max = StepForms.ROWS_MAX, message = "{steps.rows.tooMany}")
        List<@Valid LearningPointRow> learningPoints,

        @Size(max = StepForms.ROWS_MAX, message = "{steps.rows.tooMany}")
        List<@Valid MeasureRow> measures) {

    /** A learning point: for whom, the skill it points to (if any), and what to learn. */
    record LearningPointRow(
            @NotNull(message = "{incident.analysis.level.required}")
            LearningLevel level,

            Skill skill,

            @NotBlank(message = "{incident.analysis.text.required}")
            @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
            String text) {

        static LearningPointRow empty() {
            return new LearningPointRow(null, null, null);
        }

        boolean isEmpty() {
            return level == null && skill == null && (text == null || text.isBlank());
        }
    }

    /** A preventive measure: it becomes a follow-up action for its owner, due when given. */
    record MeasureRow(
            @NotNull(message = "{steps.actionId.invalid}")
            @Pattern(regexp = StepForms.UUID, message = "{steps.actionId.invalid}")
            String actionId,

            @NotBlank(message = "{incident.action.description.required}")
            @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
            String description,

            @NotBlank(message = "{incident.action.owner.required}")
            @Size(max = 100, message = "{steps.owner.notInTeam}")
            String owner,

            @NotNull(message = "{steps.action.dueAt.required}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
            LocalDateTime dueAt) {

        static MeasureRow empty() {
            return new MeasureRow(ActionId.random().value(), null, null, null);
        }

        /** Nothing typed: the id alone was made with the row. */
        boolean isEmpty() {
            return (description == null || description.isBlank()) && (owner == null || owner.isBlank()) && dueAt == null;
        }
    }

    static AnalysisForm blank(long version) {
        return new AnalysisForm(version, null, null, List.of(LearningPointRow.empty()), List.of(MeasureRow.empty()));
    }

    AnalysisForm withoutEmptyRows() {
        return new AnalysisForm(expectedVersion, causes, riskFactors,
                rows(learningPoints).stream().filter(row -> !row.isEmpty()).toList(),
                rows(measures).stream().filter(row -> !row.isEmpty()).toList());
    }

    /** The form to show again: an empty row of each kind at the end when there is none to type in. */
    AnalysisForm withRoomToType() {
        List<LearningPointRow> points = rows(learningPoints);
        List<MeasureRow> rows = rows(measures);
        return new AnalysisForm(expectedVersion, causes, riskFactors,
                points.isEmpty() ? List.of(LearningPointRow.empty()) : points,
                rows.isEmpty() ? List.of(MeasureRow.empty()) : rows);
    }

    AnalysisForm withAnotherPoint() {
        List<LearningPointRow> points = new ArrayList<>(rows(learningPoints));
        points.add(LearningPointRow.empty());
        return new AnalysisForm(expectedVersion, causes, riskFactors, points, rows(measures));
    }

    AnalysisForm withAnotherMeasure() {
        List<MeasureRow> rows = new ArrayList<>(rows(measures));
        rows.add(MeasureRow.empty());
        return new AnalysisForm(expectedVersion, causes, riskFactors, rows(learningPoints), rows);
    }

    private static <T> List<T> rows(List<T> rows) {
        return rows == null ? List.of() : rows.stream().filter(Objects::nonNull).toList();
    }
}

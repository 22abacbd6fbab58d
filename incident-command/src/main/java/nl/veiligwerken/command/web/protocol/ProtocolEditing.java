package nl.veiligwerken.command.web.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.AdoptProtocolAgreementCommand;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.command.incident.IncidentForbiddenException;
import nl.veiligwerken.command.protocol.AgreementRules;
import nl.veiligwerken.command.protocol.JdbcProtocolBook;
import nl.veiligwerken.command.protocol.ProtocolChangedMeanwhileException;
import nl.veiligwerken.command.protocol.ProtocolRejectedException;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the agreements page and the JSON API share: the versions to show, the form for the next version, and
 * adopting it. Problems end up in a {@link BindingResult} on the field they are about, so the page and the API
 * name the same fields with the same messages; someone else's adoption in between is a 409.
 */
@Component
class ProtocolEditing {

    static final String OBJECT_NAME = "protocol";
    /** Who may be given a step, and who may hear about an overdue one: the roles the page offers. */
    static final List<Role> ASSIGNEES = AgreementRules.ASSIGNABLE;
    static final List<Role> ESCALATION = List.of(Role.TEAM_LEADER, Role.PREVENTION_OFFICER, Role.MANAGEMENT);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

    private final JdbcProtocolBook book;
    private final CommandGateway commands;
    private final Clock clock;

    ProtocolEditing(JdbcProtocolBook book, CommandGateway commands, Clock clock) {
        this.book = book;
        this.commands = commands;
        this.clock = clock;
    }

    /** The version in force: the latest adopted. */
    ProtocolAgreement current() {
        return book.all().get(0);
    }

    /** Every version, newest first. */
    List<ProtocolAgreement> versions() {
        return book.all();
    }

    ProtocolAgreement version(int version) {
        return book.all().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
    }

    /** Only a prevention officer maintains the agreements (403 for anyone else). */
    void mayEdit(VwUser user) {
        if (!user.hasRole(Role.PREVENTION_OFFICER)) {
            throw new AccessDeniedException("only a prevention officer adopts the protocol agreements");
        }
    }

    /** The form filled with the version in force, one row per agreed step. */
    ProtocolForm formFor(ProtocolAgreement agreement) {
        return new ProtocolForm(agreement.version(), agreement.steps().stream()
                .filter(s -> s.step() != null && s.step().isAgreed())
                .map(ProtocolForm.Row::of).toList(), String.valueOf(agreement.retentionYears()));
    }

    BindingResult bindingFor(ProtocolForm form) {
        return new DirectFieldBindingResult(form, OBJECT_NAME);
    }

    /**
     * Adopts the form as the next version: its number, or null with the reasons on the fields in {@code errors}.
     *
     * @throws ApiProblemException 409 when another version was adopted since {@code basedOnVersion}
     */
    Integer adopt(ProtocolForm form, VwUser user, BindingResult errors) {
        mayEdit(user);
        if (form.basedOnVersion() == null) {
            errors.rejectValue("basedOnVersion", "protocol.basedOnVersion.required");
        }
        Map<ProtocolStep, Integer> rows = new EnumMap<>(ProtocolStep.class);
        List<StepAgreement> steps = new ArrayList<>();
        for (int i = 0; i < form.steps().size(); i++) {
            ProtocolForm.Row row = form.steps().get(i);
            if (row == null) {
                steps.add(null);
                continue;
            }
            if (row.step() != null) {
                rows.put(row.step(), i); // a step given twice: the later row is the one in the way
            }
            steps.add(agreement(row, "steps[" + i + "].", errors));
        }
        Integer retentionYears = wholeNumber(form.retentionYears(), "retentionYears", "protocol.retentionYears", errors);
        int retention = retentionYears == null ? 0 : retentionYears;
        AgreementRules.problems(steps, retention).forEach(problem -> reject(problem, rows, errors));
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return commands.sendAndWait(new AdoptProtocolAgreementCommand(AdoptProtocolAgreementCommand.ORGANISATION,
                    form.basedOnVersion(), steps, retention, user.actor(), clock.instant()));
        } catch (ProtocolRejectedException rejected) {
            rejected.problems().forEach(problem -> reject(problem, rows, errors));
            return null;
        } catch (ProtocolChangedMeanwhileException | ConflictingModificationException | ConcurrencyException changed) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "protocol.changedMeanwhile");
        } catch (IncidentForbiddenException forbidden) {
            throw new AccessDeniedException(forbidden.messageKey());
        }
    }

    /** A row as an agreement; an amount that is no whole number is pointed out here, the rules do the rest. */
    private static StepAgreement agreement(ProtocolForm.Row row, String path, BindingResult errors) {
        if (row.setByLaw()) {
            // the law says when and after what; the organisation says who
            DueTime due = blank(row.amount()) ? null
                    : new DueTime(orZero(wholeNumber(row.amount(), path + "amount", "protocol.amount", errors)), row.unit());
            return new StepAgreement(row.step(), null, Set.of(), row.assignee(), due, row.escalateTo());
        }
        Integer amount = wholeNumber(row.amount(), path + "amount", "protocol.amount", errors);
        return new StepAgreement(row.step(), row.requiredFrom(), row.requiredForKinds(), row.assignee(),
                new DueTime(orZero(amount), row.unit()), row.escalateTo());
    }

    /**
     * The number typed, or null with the reason ({@code messages}{@code .required} or {@code .notWhole}) on
     * {@code field}; one far too large stays far too large, for the rules to refuse.
     */
    private static Integer wholeNumber(String text, String field, String messages, BindingResult errors) {
        if (blank(text)) {
            errors.rejectValue(field, messages + ".required");
            return null;
        }
        String trimmed = text.strip();
        if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
            errors.rejectValue(field, messages + ".notWhole");
            return null;
        }
        BigInteger number = new BigInteger(trimmed);
        return number.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** On the row's field; a step missing from the form on {@code steps}; one mistake per field. */
    private static void reject(AgreementRules.Problem problem, Map<ProtocolStep, Integer> rows, BindingResult errors) {
        String field = problem.field();
        if (problem.step() != null && rows.containsKey(problem.step())) {
            field = "steps[" + rows.get(problem.step()) + "]." + ("steps".equals(field) ? "step" : field);
        } else if (problem.step() != null) {
            field = "steps";
        }
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, problem.messageKey());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int orZero(Integer number) {
        return number == null ? 0 : number;
    }
}

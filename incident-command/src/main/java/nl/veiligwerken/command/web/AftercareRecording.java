package nl.veiligwerken.command.web;

import nl.veiligwerken.api.aftercare.RecordAftercareTalkCommand;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the aftercare page and its JSON twin share: the blank form, which talk it is, checking, sending. */
@Component
class AftercareRecording implements StepRecording<AftercareForm> {

    /** The order in which the incident counts talks; any talk after these is an extra check-in. */
    private static final List<ProtocolStep> TALKS =
            List.of(ProtocolStep.AFTERCARE_TALK, ProtocolStep.FIRST_CHECK_IN, ProtocolStep.SECOND_CHECK_IN);

    private final IncidentCommands commands;
    private final IncidentHistory history;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    AftercareRecording(IncidentCommands commands, IncidentHistory history, Validator validator, OrganisationTime time,
                       Clock clock) {
        this.commands = commands;
        this.history = history;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public AftercareForm blank(IncidentRef incident) {
        return new AftercareForm(incident.version(), time.nowToTheMinute(), null, Boolean.FALSE, Set.of());
    }

    @Override
    public BindingResult bindingFor(AftercareForm form) {
        return new DirectFieldBindingResult(form, "aftercare");
    }

    /** The step the next talk counts for; empty when the agreed talks were all held and this one is extra. */
    Optional<ProtocolStep> nextTalk(IncidentRef incident) {
        int held = history.aftercareTalks(incident.incidentId());
        return held < TALKS.size() ? Optional.of(TALKS.get(held)) : Optional.empty();
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    @Override
    public Long submit(IncidentRef incident, AftercareForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new RecordAftercareTalkCommand(incident.incidentId(), form.expectedVersion(),
                time.toInstant(form.heldAt()), form.outcome(), Boolean.TRUE.equals(form.needsMoreHelp()),
                form.referrals(), user.actor(), clock.instant()), errors);
    }
}

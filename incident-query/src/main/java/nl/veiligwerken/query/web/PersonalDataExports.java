package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.TimelineAudience;
import nl.veiligwerken.query.queries.TimelineEntry;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person's data as this service holds it, for a request under GDPR art. 15 (access) and 20 (portability),
 * handled by the prevention officer: every incident the person is named in, with everything the views hold of it
 * (the report and the whole timeline, notes included), and their own reports list. The notifier's part (the
 * person's notifications) is a download of its own there ({@code notifications}).
 */
@Component
class PersonalDataExports {

    /** The longest username the directory has. */
    static final int PERSON_MAX = 64;

    /** How the person is named in an incident. */
    enum Involvement {
        /** Reported it. */
        REPORTER,
        /** It happened to them: it was reported on their behalf. */
        AFFECTED,
        /** Took a step of it, or a step names them (an action's owner, an assigned peer supporter, ...). */
        NAMED_IN_STEP
    }

    record IncidentExport(Set<Involvement> involvement, IncidentDetails incident, List<TimelineEntry> timeline) {
    }

    /**
     * The export: {@code person}, when it was made, the incidents (oldest first), the person's reports as their
     * own list shows them, and where the notifier's part is downloaded.
     */
    record Export(String person, Instant exportedAt, List<IncidentExport> incidents, List<MyReport> myReports,
                  String notifications) {
    }

    private final ReadModel readModel;
    private final Clock clock;
    private final PlatformProperties platform;

    PersonalDataExports(ReadModel readModel, Clock clock, PlatformProperties platform) {
        this.readModel = readModel;
        this.clock = clock;
        this.platform = platform;
    }

    /** The username as typed, trimmed; empty (with the error on {@code person}) when there is none or it is too long. */
    static Optional<String> person(PrivacyExportForm form, Errors errors) {
        String person = form.person() == null ? "" : form.person().strip();
        if (person.isEmpty()) {
            errors.rejectValue("person", "privacy.export.person.required");
            return Optional.empty();
        }
        if (person.length() > PERSON_MAX) {
            errors.rejectValue("person", "privacy.export.person.tooLong");
            return Optional.empty();
        }
        return Optional.of(person);
    }

    /** An unknown person gets an empty export: whether someone is known is itself not given away by an error. */
    Export of(String person) {
        List<IncidentExport> incidents = readModel.incidentsOfPerson(person).stream()
                .map(this::incident)
                .flatMap(Optional::stream)
                .map(found -> new IncidentExport(involvement(found.incident(), person, found.timeline()),
                        found.incident(), found.timeline()))
                .toList();
        return new Export(person, clock.instant(), incidents, readModel.myReports(person), notifierExport(person));
    }

    private record Found(IncidentDetails incident, List<TimelineEntry> timeline) {
    }

    private Optional<Found> incident(IncidentId id) {
        return readModel.incident(id).map(incident -> new Found(incident, readModel.timeline(id, TimelineAudience.FOLLOW_UP)));
    }

    private static Set<Involvement> involvement(IncidentDetails incident, String person, List<TimelineEntry> timeline) {
        Set<Involvement> involvement = EnumSet.noneOf(Involvement.class);
        if (person.equals(incident.reportedBy())) {
            involvement.add(Involvement.REPORTER);
        }
        if (person.equals(incident.reportedFor())) {
            involvement.add(Involvement.AFFECTED);
        }
        if (timeline.stream().anyMatch(e -> person.equals(e.actor()) || person.equals(e.person()))) {
            involvement.add(Involvement.NAMED_IN_STEP);
        }
        return involvement;
    }

    String notifierExport(String person) {
        return UriComponentsBuilder.fromUriString(platform.links().notifier()).path("/api/privacy/export")
                .queryParam("person", person).encode().build().toUriString();
    }

    /** The file's name: the person's username only in letters, digits and dashes. */
    static String filename(String person) {
        return "persoonsgegevens-" + person.replaceAll("[^A-Za-z0-9-]", "_") + ".json";
    }
}

package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.query.queries.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A timeline entry in words, the same for the page and the JSON: when (the organisation's time), who (their
 * display name) and what happened, with the notes the reader may see and a badge for a task done on time,
 * late, or overdue.
 */
@Component
class TimelineTexts {

    /** The badges of task entries; the template shows {@code timeline.badge.<name>}. */
    enum Badge {
        ON_TIME, LATE, OVERDUE
    }

    /**
     * One line of the timeline. {@code who} is empty for what the protocol did by itself; {@code details} are
     * the notes that go with the step (the reporter's view has fewer); {@code badge} null but for task entries.
     */
    record Line(Instant at, String when, String who, String what, List<String> details, Badge badge) {
    }

    private final MessageSource messages;
    private final OrganisationTime time;
    private final DirectoryNames names;

    TimelineTexts(MessageSource messages, OrganisationTime time, DirectoryNames names) {
        this.messages = messages;
        this.time = time;
        this.names = names;
    }

    List<Line> lines(List<TimelineEntry> entries, Locale locale) {
        // a handful of people act on one incident: look each up once
        Map<String, String> people = new HashMap<>();
        return entries.stream().map(entry -> line(entry, locale, people)).toList();
    }

    String person(String username, Map<String, String> people) {
        return username == null ? null : people.computeIfAbsent(username, names::person);
    }

    Line line(TimelineEntry entry, Locale locale, Map<String, String> people) {
        List<String> details = new ArrayList<>();
        Badge badge = null;
        String what = switch (entry.type()) {
            case REPORTED -> entry.person() == null ? text(locale, "timeline.REPORTED")
                    : text(locale, "timeline.REPORTED.for", person(entry.person(), people));
            case AMENDED -> {
                note(details, entry.text());
                yield text(locale, "timeline.AMENDED");
            }
            case TASK_SCHEDULED -> text(locale, "timeline.TASK_SCHEDULED", step(entry, locale),
                    entry.person() != null ? person(entry.person(), people)
                            : entry.assigneeRole() != null ? text(locale, "role." + entry.assigneeRole()) : "",
                    time.format(entry.dueAt(), locale));
            case PEER_SUPPORTER_ASSIGNED -> text(locale, "timeline.PEER_SUPPORTER_ASSIGNED",
                    named(entry.person(), people, locale));
            case FIRST_SUPPORT_OFFERED -> text(locale, "timeline.FIRST_SUPPORT_OFFERED." + entry.outcome());
            case AFTERCARE_TALK -> {
                if (entry.needsMoreHelp() != null) {
                    details.add(text(locale, entry.needsMoreHelp() ? "timeline.aftercare.needsMoreHelp"
                            : "timeline.aftercare.noMoreHelp"));
                }
                if (!entry.codes().isEmpty()) {
                    details.add(text(locale, "timeline.aftercare.referrals", list(entry.codes(), "aftercare.referral.", locale)));
                }
                yield text(locale, "timeline.AFTERCARE_TALK." + entry.outcome(), text(locale,
                        "timeline.aftercare." + (entry.step() == null ? "EXTRA" : entry.step().name())));
            }
            case AGGRESSOR_RESPONSE -> {
                note(details, entry.text());
                yield text(locale, "timeline.AGGRESSOR_RESPONSE", list(entry.codes(), "followup.response.", locale));
            }
            case ACTION_PLANNED -> {
                note(details, entry.text());
                yield text(locale, "timeline.ACTION_PLANNED", actionKind(entry, locale),
                        named(entry.person(), people, locale), time.format(entry.dueAt(), locale));
            }
            case ACTION_COMPLETED -> {
                note(details, entry.text());
                yield text(locale, "timeline.ACTION_COMPLETED", actionKind(entry, locale));
            }
            case FEEDBACK_GIVEN -> {
                note(details, entry.text());
                yield text(locale, "timeline.FEEDBACK_GIVEN");
            }
            case ANALYSED -> {
                if (entry.text() != null) {
                    details.add(text(locale, "timeline.analysis.causes", entry.text()));
                }
                yield text(locale, "timeline.ANALYSED");
            }
            case LABOUR_INSPECTORATE_NOTIFIED -> {
                if (entry.text() != null) {
                    details.add(text(locale, "timeline.labourInspectorate.reference", entry.text()));
                }
                yield text(locale, "timeline.LABOUR_INSPECTORATE_NOTIFIED");
            }
            case TASK_COMPLETED -> {
                badge = Boolean.TRUE.equals(entry.late()) ? Badge.LATE : Badge.ON_TIME;
                yield text(locale, "timeline.TASK_COMPLETED", step(entry, locale));
            }
            case TASK_OVERDUE -> {
                badge = Badge.OVERDUE;
                yield text(locale, "timeline.TASK_OVERDUE", step(entry, locale));
            }
            case TASK_WITHDRAWN -> text(locale, "timeline.TASK_WITHDRAWN", step(entry, locale));
            case CLOSED -> text(locale, "timeline.CLOSED");
            case REOPENED -> {
                note(details, entry.text());
                yield text(locale, "timeline.REOPENED");
            }
        };
        return new Line(entry.at(), time.format(entry.at(), locale), person(entry.actor(), people), what,
                List.copyOf(details), badge);
    }

    /** A person a sentence needs: after the erasure of the incident's personal data nobody is named. */
    private String named(String username, Map<String, String> people, Locale locale) {
        return username == null ? text(locale, "timeline.person.unknown") : person(username, people);
    }

    private String step(TimelineEntry entry, Locale locale) {
        return entry.step() == null ? "" : text(locale, "task.step." + entry.step());
    }

    private String actionKind(TimelineEntry entry, Locale locale) {
        return entry.outcome() == null ? text(locale, "timeline.action.unknown") : text(locale, "followup.kind." + entry.outcome());
    }

    private String list(List<String> codes, String prefix, Locale locale) {
        return codes.stream().map(code -> text(locale, prefix + code)).collect(Collectors.joining(", "));
    }

    private static void note(List<String> details, String text) {
        if (text != null && !text.isBlank()) {
            details.add(text);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package nl.veiligwerken.api.analysis;

import nl.veiligwerken.api.ActionId;

import java.time.Instant;

/** A preventive measure from the analysis; it becomes a follow-up action with an owner and a due time. */
public record PreventiveMeasure(ActionId actionId, String description, String owner, Instant dueAt) {
}

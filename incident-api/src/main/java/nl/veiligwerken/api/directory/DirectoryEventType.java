package nl.veiligwerken.api.directory;

import nl.veiligwerken.api.TeamId;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types on the Kafka topic {@link #TOPIC}: the team directory (teams, accounts, their roles and
 * memberships) as state, one key per team or account. The topic is log-compacted, so it always holds at least
 * the latest picture of every key and a new consumer rebuilds the whole directory by reading it from the start.
 */
public enum DirectoryEventType {
    TEAM_SAVED("nl.veiligwerken.directory.team-saved.v1", TeamSaved.class),
    ACCOUNT_SAVED("nl.veiligwerken.directory.account-saved.v1", AccountSaved.class),
    ACCOUNT_REMOVED("nl.veiligwerken.directory.account-removed.v1", AccountRemoved.class);

    public static final String TOPIC = "team-directory";
    public static final String SOURCE = "/veilig-werken/team-directory";
    /**
     * The CloudEvents sequence extension: the change's position in the directory's outbox, as a decimal number.
     * A later change of the same key has a higher one; a consumer keeps the highest it has seen per key.
     */
    public static final String SEQUENCE_HEADER = "ce_sequence";

    private final String type;
    private final Class<?> payloadType;

    DirectoryEventType(String type, Class<?> payloadType) {
        this.type = type;
        this.payloadType = payloadType;
    }

    public String type() {
        return type;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<DirectoryEventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static String teamKey(TeamId team) {
        return "team:" + team.value();
    }

    public static String accountKey(String username) {
        return "account:" + username;
    }
}

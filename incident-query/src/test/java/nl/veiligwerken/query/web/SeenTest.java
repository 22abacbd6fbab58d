package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenTest {

    @Test
    void readsTheIncidentAndItsVersion() {
        assertThat(Seen.parse("4b1c0e7a-9f1e-4a57-bb0c-2a3f8d1e6c55:12"))
                .contains(new Seen(new IncidentId("4b1c0e7a-9f1e-4a57-bb0c-2a3f8d1e6c55"), 12));
        // an id with a colon of its own: the version is after the last one
        assertThat(Seen.parse("a:b:3")).contains(new Seen(new IncidentId("a:b"), 3));
    }

    @Test
    void anythingElseIsIgnoredRatherThanRefused() {
        for (String odd : new String[] {null, "", "abc", ":3", "abc:", "abc:x", "abc:-1", " :3", "abc:99999999999999999999"}) {
            assertThat(Seen.parse(odd)).as(String.valueOf(odd)).isEmpty();
        }
    }

    @Test
    void aHintGivenButNotOfTheFormIsUnreadableAnAbsentOrBlankOneIsNot() {
        for (String odd : new String[] {"abc", ":3", "abc:", "abc:x", "abc:-1", "abc:99999999999999999999"}) {
            assertThat(Seen.unreadable(odd)).as(odd).isTrue();
        }
        for (String none : new String[] {null, "", "  ", "4b1c0e7a-9f1e-4a57-bb0c-2a3f8d1e6c55:12"}) {
            assertThat(Seen.unreadable(none)).as(String.valueOf(none)).isFalse();
        }
    }
}

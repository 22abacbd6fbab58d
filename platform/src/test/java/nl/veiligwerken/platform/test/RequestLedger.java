package nl.veiligwerken.platform.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of each request a fault test sent, by a request id of the test's making (a unique marker in the
 * request's text): the HTTP answer, and afterwards what the test found of it in the event store, the read model
 * and, where a notifier is in reach, its notifications. The rule it checks: a command answered 2xx ends as
 * exactly one event, one read-model effect and (when it notifies) one notification after de-duplication; a
 * command answered otherwise left nothing anywhere. Threads may record answers concurrently.
 */
public final class RequestLedger {

    /** One request: its answer, then what was found of it (null: not looked for). */
    public static final class Entry {
        private final String requestId;
        private volatile int status;
        private volatile String answer;
        private volatile Integer events;
        private volatile Integer readModelEffects;
        private volatile Integer notifications;
        private volatile boolean notifies;

        private Entry(String requestId) {
            this.requestId = requestId;
        }

        public String requestId() {
            return requestId;
        }

        public int status() {
            return status;
        }

        public String answer() {
            return answer;
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return requestId + ": " + status + " events=" + events + " readModel=" + readModelEffects
                    + " notifications=" + notifications;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private Entry entry(String requestId) {
        return entries.computeIfAbsent(requestId, Entry::new);
    }

    /** The HTTP answer to the request; {@code notifies}: a 2xx of it should reach the notifier once. */
    public void answered(String requestId, int status, String body, boolean notifies) {
        Entry entry = entry(requestId);
        entry.status = status;
        entry.answer = body;
        entry.notifies = notifies;
    }

    /** How many events in the store carry the request's marker. */
    public void events(String requestId, int count) {
        entry(requestId).events = count;
    }

    /** How many rows or changes of the read model the request accounts for. */
    public void readModel(String requestId, int effects) {
        entry(requestId).readModelEffects = effects;
    }

    /** Its notifications (or published records) after de-duplication on the event id. */
    public void notifications(String requestId, int afterDeduplication) {
        entry(requestId).notifications = afterDeduplication;
    }

    public Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public long count(int status) {
        return entries.values().stream().filter(e -> e.status == status).count();
    }

    public long succeeded() {
        return entries.values().stream().filter(Entry::succeeded).count();
    }

    /** A line per request that broke the rule; empty when every request kept it. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.status == 0) {
                violations.add(e.requestId + ": no answer recorded");
                continue;
            }
            if (e.status >= 500) {
                violations.add(e + ": a server error (" + e.answer + ")");
            }
            int expected = e.succeeded() ? 1 : 0;
            if (e.events != null && e.events != expected) {
                violations.add(e + ": expected " + expected + " event(s)");
            }
            if (e.readModelEffects != null && e.readModelEffects != expected) {
                violations.add(e + ": expected " + expected + " read-model effect(s)");
            }
            int expectedNotifications = e.succeeded() && e.notifies ? 1 : 0;
            if (e.notifications != null && e.notifications != expectedNotifications) {
                violations.add(e + ": expected " + expectedNotifications + " notification(s)");
            }
        }
        return violations;
    }
}

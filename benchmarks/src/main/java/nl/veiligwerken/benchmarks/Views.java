package nl.veiligwerken.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processors the run holds and releases, through the administrator's controls of the services:
 * {@code /api/admin/projections} on the query service and {@code /api/admin/publisher} on the command service.
 */
final class Views {

    record Status(String name, boolean running, boolean rebuilding, boolean caughtUp, long position) {
    }

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");

    private final Api admin;
    private final URI command;
    private volatile URI query;

    Views(Api admin, URI command, URI query) {
        this.admin = admin;
        this.command = command;
        this.query = query;
    }

    List<Status> projections() throws Exception {
        List<Status> all = new ArrayList<>();
        Matcher m = OBJECT.matcher(admin.read(query.resolve("/api/admin/projections")));
        while (m.find()) {
            all.add(parse(m.group()));
        }
        return all;
    }

    Status publisher() throws Exception {
        return parse(admin.read(command.resolve("/api/admin/publisher")));
    }

    static Status parse(String json) {
        String position = Api.field(json, "position");
        return new Status(Api.field(json, "name"), "true".equals(Api.field(json, "running")),
                "true".equals(Api.field(json, "rebuilding")), "true".equals(Api.field(json, "caughtUp")),
                position == null ? -1 : Long.parseLong(position));
    }

    void pauseAll() throws Exception {
        admin.write(command.resolve("/api/admin/publisher/pause"), null);
        for (Status view : projections()) {
            admin.write(query.resolve("/api/admin/projections/" + view.name() + "/pause"), null);
        }
    }

    void resumeAll() throws Exception {
        for (Status view : projections()) {
            admin.write(query.resolve("/api/admin/projections/" + view.name() + "/resume"), null);
        }
        admin.write(command.resolve("/api/admin/publisher/resume"), null);
    }

    void rebuildAll() throws Exception {
        for (Status view : projections()) {
            admin.write(query.resolve("/api/admin/projections/" + view.name() + "/rebuild"), null);
        }
    }

    /** True when every view and the publisher run, have reached {@code head} and are neither behind nor replaying. */
    boolean quiet(long head) throws Exception {
        for (Status s : projections()) {
            if (!s.running() || s.rebuilding() || !s.caughtUp() || s.position() < head) {
                return false;
            }
        }
        Status p = publisher();
        return p.running() && p.caughtUp() && p.position() >= head;
    }

    /** True when every view has replayed up to {@code head}. */
    boolean rebuilt(long head) throws Exception {
        for (Status s : projections()) {
            if (s.rebuilding() || !s.caughtUp() || s.position() < head) {
                return false;
            }
        }
        return true;
    }

    long slowestPosition() throws Exception {
        return projections().stream().mapToLong(Status::position).min().orElse(-1);
    }
}

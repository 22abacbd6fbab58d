package nl.veiligwerken.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared, append-only record of who read which incident's details and who exported what
 * ({@code audit.audit_log}). Only {@link #record} writes, one insert in a transaction of its own, so a read is on
 * record even when the request's own work is rolled back; no code path updates or deletes, and the table's
 * trigger refuses both.
 *
 * <p>A row holds the reader's username and roles, never other personal data: the incident by its identifier, an
 * export by its team and quarter, the request by its path without the query string.
 */
public class AuditLog {

    /** Longest subject stored; a subject is an identifier or two, so this only guards the column. */
    static final int SUBJECT_MAX = 200;
    static final String SUBJECT_ATTRIBUTE = AuditLog.class.getName() + ".subject";

    /** One recorded read. {@code at} and {@code id} are the database's; {@code id} is 0 before it is written. */
    public record Entry(long id, Instant at, String username, String roles, AuditAction action, String incidentId,
                        String subject, String service, String path, String clientIp) {
    }

    /** What the prevention officer looks for; every part optional. {@code to} is exclusive. */
    public record Filter(Instant from, Instant to, String username, String incidentId) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One page of the log, newest first. */
    public record Page(List<Entry> entries, int number, int size, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public AuditLog(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Names what the current request reads besides an incident (a team's quarter), for the row {@link Audited}
     * writes; outside a request it does nothing.
     */
    public static void subject(String subject) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SUBJECT_ATTRIBUTE, subject, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Writes the entry; any failure is thrown, for the caller to refuse the read it records. */
    public void record(Entry entry) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into audit.audit_log (username, roles, action, incident_id, subject, service, path, client_ip)
                        values (:username, :roles, :action, :incidentId, :subject, :service, :path, :clientIp)""")
                .param("username", entry.username())
                .param("roles", entry.roles())
                .param("action", entry.action().name())
                .param("incidentId", entry.incidentId())
                .param("subject", entry.subject() == null || entry.subject().length() <= SUBJECT_MAX
                        ? entry.subject() : entry.subject().substring(0, SUBJECT_MAX))
                .param("service", entry.service())
                .param("path", entry.path())
                .param("clientIp", entry.clientIp())
                .update());
    }

    /** The page {@code number} (from 0) of the entries the filter lets through, newest first. */
    public Page find(Filter filter, int number, int size) {
        StringBuilder sql = new StringBuilder("""
                select id, at, username, roles, action, incident_id, subject, service, path, client_ip
                  from audit.audit_log where true""");
        List<Object> params = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (filter.username() != null) {
            sql.append(" and username = ?");
            params.add(filter.username());
        }
        if (filter.incidentId() != null) {
            sql.append(" and incident_id = ?");
            params.add(filter.incidentId());
        }
        sql.append(" order by at desc, id desc limit ? offset ?");
        params.add(size + 1);
        params.add((long) number * size);
        List<Entry> found = jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("username"), rs.getString("roles"), AuditAction.valueOf(rs.getString("action")),
                        rs.getString("incident_id"), rs.getString("subject"), rs.getString("service"),
                        rs.getString("path"), rs.getString("client_ip")))
                .list();
        boolean hasNext = found.size() > size;
        return new Page(hasNext ? found.subList(0, size) : found, number, size, hasNext);
    }
}

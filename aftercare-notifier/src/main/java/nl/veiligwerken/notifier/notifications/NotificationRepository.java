package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientUsernameOrderByCreatedAtDescIdDesc(String recipientUsername);

    Optional<Notification> findByIdAndRecipientUsername(Long id, String recipientUsername);

    List<Notification> findBySourceEventId(String sourceEventId);

    /**
     * Locks the mails that are due, for the rest of the caller's transaction. Rows another sender holds are
     * skipped rather than waited for, so several instances can drain the outbox without picking the same row;
     * the caller moves {@code next_attempt_at} out (a lease) before committing, to keep them off it afterwards.
     */
    @Query(nativeQuery = true, value = """
            select * from notification
             where mail_status = 'PENDING' and next_attempt_at <= :now
             order by next_attempt_at, id
             limit :limit
               for update skip locked""")
    List<Notification> claimDueMails(@Param("now") Instant now, @Param("limit") int limit);

    /** One notification, locked until the caller's transaction ends, to record its mail's outcome. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> findLockedById(@Param("id") Long id);

    /**
     * Counts one more of the report's tasks in the recipient's new-incident notification of the incident.
     *
     * @return 0 when the recipient has no such notification
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            update notification set task_count = task_count + 1
             where kind = 'NEW_INCIDENT' and incident_id = :incidentId and recipient_username = :username""")
    int foldIntoNewIncident(@Param("incidentId") String incidentId, @Param("username") String username);

    /** @return 1 the first time an event id is seen, 0 for a redelivery */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into processed_event (event_id, event_type, processed_at) values (:eventId, :type, :now)
            on conflict (event_id) do nothing""")
    int markProcessed(@Param("eventId") String eventId, @Param("type") String type, @Param("now") Instant now);
}

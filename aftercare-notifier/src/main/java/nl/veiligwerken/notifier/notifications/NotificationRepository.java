package nl.veiligwerken.notifier.notifications;

import org.springframework.data.jpa.repository.JpaRepository;
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
     * Claims the mails that are due, for the rest of the caller's transaction. Rows another sender holds are
     * skipped rather than waited for, so several instances can drain the outbox without sending a mail twice.
     */
    @Query(nativeQuery = true, value = """
            select * from notification
             where mail_status = 'PENDING' and next_attempt_at <= :now
             order by next_attempt_at, id
             limit :limit
               for update skip locked""")
    List<Notification> claimDueMails(@Param("now") Instant now, @Param("limit") int limit);

    /** @return 1 the first time an event id is seen, 0 for a redelivery */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into processed_event (event_id, event_type, processed_at) values (:eventId, :type, :now)
            on conflict (event_id) do nothing""")
    int markProcessed(@Param("eventId") String eventId, @Param("type") String type, @Param("now") Instant now);
}

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
    // Not the non-urgent mails of people who chose the daily digest: those wait for DailyDigest.
    @Query(nativeQuery = true, value = """
            select n.* from notification n
             where n.mail_status = 'PENDING' and n.next_attempt_at <= :now
               and (n.urgent or not exists (select 1 from mail_preference p
                                             where p.username = n.recipient_username and p.delivery = 'DAILY_DIGEST'))
             order by n.next_attempt_at, n.id
             limit :limit
               for update skip locked""")
    List<Notification> claimDueMails(@Param("now") Instant now, @Param("limit") int limit);

    /**
     * The non-urgent mails waiting for a daily digest: of people who chose one, created before {@code cutoff},
     * not leased by a sender. Locked and waited for (not skipped), so a second digest run that overlaps the first
     * finds them DIGESTED once it gets them, and takes none of them again.
     */
    @Query(nativeQuery = true, value = """
            select n.* from notification n
              join mail_preference p on p.username = n.recipient_username and p.delivery = 'DAILY_DIGEST'
             where n.mail_status = 'PENDING' and not n.urgent and n.created_at < :cutoff and n.next_attempt_at <= :now
             order by n.recipient_username, n.created_at, n.id
               for update of n""")
    List<Notification> lockDigestable(@Param("cutoff") Instant cutoff, @Param("now") Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            update notification set mail_status = 'DIGESTED', digest_id = :digestId
             where id in (:ids) and mail_status = 'PENDING'""")
    int markDigested(@Param("ids") List<Long> ids, @Param("digestId") long digestId);

    /** What a digest lists, oldest first. */
    @Query(nativeQuery = true, value = "select * from notification where digest_id = :digestId order by created_at, id")
    List<Notification> findByDigest(@Param("digestId") long digestId);

    /** One notification, locked until the caller's transaction ends, to record its mail's outcome. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> findLockedById(@Param("id") Long id);

    /** Every notification about the incident, read or not, its mail sent or waiting. */
    @Modifying
    @Query(nativeQuery = true, value = "delete from notification where incident_id = :incidentId")
    int deleteByIncident(@Param("incidentId") String incidentId);

    /** Digests still to be sent that list nothing any more: their notifications were erased. */
    @Modifying
    @Query(nativeQuery = true, value = """
            delete from digest_mail d where d.mail_status = 'PENDING'
               and not exists (select 1 from notification n where n.digest_id = d.id)""")
    int deleteEmptyPendingDigests();
}

package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface DigestMailRepository extends JpaRepository<DigestMail, Long> {

    /** As {@link NotificationRepository#claimDueMails}: due digests, locked, skipping those another sender holds. */
    @Query(nativeQuery = true, value = """
            select * from digest_mail
             where mail_status = 'PENDING' and next_attempt_at <= :now
             order by next_attempt_at, id
             limit :limit
               for update skip locked""")
    List<DigestMail> claimDueMails(@Param("now") Instant now, @Param("limit") int limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DigestMail d where d.id = :id")
    Optional<DigestMail> findLockedById(@Param("id") Long id);

    boolean existsByRecipientUsernameAndDigestDate(String recipientUsername, LocalDate digestDate);
}

package nl.veiligwerken.platform.retention;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in the shared {@code keyring} schema, one row per incident, made on first use; deleting the row shreds
 * the incident's personal data. With a master key configured, a new key is stored wrapped (encrypted) with it,
 * so a copy of the database alone does not open the events; keys stored before stay readable.
 *
 * <p>Cached only for the length of one database transaction (a command, or a batch of a projection): both services
 * read these keys, and a key erased by one must not be served from memory by the other afterwards. Inside one
 * transaction a key once read is used again; nothing outlives the transaction, and erasing evicts it at once.
 */
public class JdbcIncidentKeys implements IncidentKeys, SmartInitializingSingleton {

    private static final String WRAPPING_CONTEXT = "keyring:";

    private final JdbcClient jdbc;
    private final SecretKey masterKey;

    /** @param masterKey the key that wraps the incidents' keys; null: they are stored as they are */
    public JdbcIncidentKeys(DataSource dataSource, SecretKey masterKey) {
        this.jdbc = JdbcClient.create(dataSource);
        this.masterKey = masterKey;
    }

    @Override
    public Optional<SecretKey> find(String incidentId) {
        Map<String, SecretKey> cache = transactionCache();
        SecretKey cached = cache == null ? null : cache.get(incidentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> key = jdbc.sql("select key_bytes, wrapped from keyring.incident_key where incident_id = ?")
                .param(incidentId)
                .query((rs, i) -> unwrap(incidentId, rs.getBytes(1), rs.getBoolean(2)))
                .optional();
        // only keys found: a key made by another transaction meanwhile is found at the next look
        key.ifPresent(found -> {
            if (cache != null) {
                cache.put(incidentId, found);
            }
        });
        return key;
    }

    @Override
    public SecretKey obtain(String incidentId) {
        return find(incidentId).orElseGet(() -> {
            SecretKey fresh = FieldCipher.newKey();
            byte[] stored = masterKey == null ? fresh.getEncoded()
                    : FieldCipher.encrypt(fresh.getEncoded(), masterKey, WRAPPING_CONTEXT + incidentId)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            // two first uses at once: one row wins, both use it
            jdbc.sql("""
                            insert into keyring.incident_key (incident_id, key_bytes, wrapped) values (?, ?, ?)
                            on conflict (incident_id) do nothing""")
                    .params(incidentId, stored, masterKey != null)
                    .update();
            return find(incidentId).orElseThrow(() -> new IllegalStateException("no key stored for " + incidentId));
        });
    }

    @Override
    public void erase(String incidentId) {
        jdbc.sql("delete from keyring.incident_key where incident_id = ?").param(incidentId).update();
        Map<String, SecretKey> cache = transactionCache();
        if (cache != null) {
            cache.remove(incidentId);
        }
    }

    private SecretKey unwrap(String incidentId, byte[] stored, boolean wrapped) {
        if (!wrapped) {
            return FieldCipher.key(stored);
        }
        if (masterKey == null) {
            throw new IllegalStateException("the incident keys are wrapped: configure veilig-werken.retention.master-key");
        }
        return FieldCipher.decrypt(new String(stored, java.nio.charset.StandardCharsets.US_ASCII), masterKey,
                        WRAPPING_CONTEXT + incidentId)
                .map(FieldCipher::key)
                .orElseThrow(() -> new IllegalStateException(
                        "veilig-werken.retention.master-key does not open the incident keys: it is not the key they were wrapped with"));
    }

    /**
     * A wrong or missing master key fails the start, rather than every read of an event later. (Not when the
     * service does not migrate the keyring: it then reads no events either.)
     */
    @Override
    public void afterSingletonsInstantiated() {
        boolean keyringExists = Boolean.TRUE.equals(jdbc.sql("select to_regclass('keyring.incident_key') is not null")
                .query(Boolean.class).single());
        if (keyringExists) {
            jdbc.sql("select incident_id, key_bytes from keyring.incident_key where wrapped limit 1")
                    .query((rs, i) -> unwrap(rs.getString(1), rs.getBytes(2), true))
                    .optional();
        }
    }

    /** This transaction's keys, or null outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> transactionCache() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, SecretKey> cache = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (cache == null) {
            Map<String, SecretKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcIncidentKeys.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(JdbcIncidentKeys.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcIncidentKeys.this);
                }
            });
            cache = fresh;
        }
        return cache;
    }
}

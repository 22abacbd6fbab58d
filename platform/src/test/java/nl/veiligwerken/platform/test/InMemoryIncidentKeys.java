package nl.veiligwerken.platform.test;

import nl.veiligwerken.platform.retention.IncidentKeys;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The incidents' keys in memory, for tests without a database. */
public final class InMemoryIncidentKeys implements IncidentKeys {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<SecretKey> find(String incidentId) {
        return Optional.ofNullable(keys.get(incidentId));
    }

    @Override
    public SecretKey obtain(String incidentId) {
        return keys.computeIfAbsent(incidentId, id -> {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                return generator.generateKey();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void erase(String incidentId) {
        keys.remove(incidentId);
    }

    public boolean has(String incidentId) {
        return keys.containsKey(incidentId);
    }
}

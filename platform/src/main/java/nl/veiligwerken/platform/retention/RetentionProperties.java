package nl.veiligwerken.platform.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}) that wraps every incident's key
 *                  in the {@code keyring} schema; empty: the keys are stored as they are, protected by the database's
 *                  own access control only. Once set, it must stay set (and the same) for as long as wrapped keys exist
 */
@ConfigurationProperties("veilig-werken.retention")
public record RetentionProperties(String masterKey) {
}

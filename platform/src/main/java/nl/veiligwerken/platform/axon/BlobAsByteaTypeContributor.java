package nl.veiligwerken.platform.axon;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

import java.sql.Types;

/**
 * Hibernate 7 maps Axon's {@code @Lob byte[]} columns to PostgreSQL large objects ({@code oid}), which leak
 * storage and break {@code ddl-auto=validate} against our {@code bytea} columns. Mapping BLOB to plain binary
 * keeps the bytes inline in the row.
 */
public class BlobAsByteaTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}

package org.anzexian.platform.archive;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's append-only trigger of {@code organization_archive} (migration 32). H2 stores a trigger by its
 * class's name: this class keeps its name and package.
 */
public class OrganizationArchiveAppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("organization_archive is append-only (N6.4, N9.2): " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "27000");
    }
}

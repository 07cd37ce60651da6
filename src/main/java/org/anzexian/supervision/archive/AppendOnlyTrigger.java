package org.anzexian.supervision.archive;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's form of the archive's append-only trigger (see {@link ArchiveAppendOnlyMigration}). H2 stores a
 * trigger by this class's name, so it stays in this package, with the migration, while the archive's
 * Java side lives in {@code platform.archive}: databases created before keep loading it.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("service_archive is append-only (N6.4): " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "27000");
    }
}

package org.anzexian.supervision.archive;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's form of the archive's append-only trigger (see {@link ArchiveAppendOnlyMigration}). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("service_archive is append-only (N6.4): " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "27000");
    }
}

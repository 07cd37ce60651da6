package org.anzexian.platform.web;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database a repository talks to, for the few statements PostgreSQL (production) writes in fewer round trips
 * than H2 (the embedded default) can: each such repository keeps a portable statement beside it.
 */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    public static boolean isPostgreSql(DataSource dataSource) throws MetaDataAccessException {
        return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .startsWith("PostgreSQL");
    }
}

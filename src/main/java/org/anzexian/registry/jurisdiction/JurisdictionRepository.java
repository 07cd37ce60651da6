package org.anzexian.registry.jurisdiction;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JurisdictionRepository {

    private static final String SELECT = "SELECT code, name, parent_code FROM jurisdiction ";

    private final JdbcClient jdbc;

    JurisdictionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Jurisdiction> findAll() {
        return jdbc.sql(SELECT + "ORDER BY sort_order").query(Jurisdiction.class).list();
    }
}

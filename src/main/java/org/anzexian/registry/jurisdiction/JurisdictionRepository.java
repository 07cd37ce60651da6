package org.anzexian.registry.jurisdiction;

import java.util.List;
import java.util.Optional;
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

    Optional<Jurisdiction> findByCode(String code) {
        return jdbc.sql(SELECT + "WHERE code = :code").param("code", code).query(Jurisdiction.class).optional();
    }
}

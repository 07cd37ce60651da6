package org.anzexian.quality.archfixture.alpha;

import org.springframework.jdbc.core.simple.JdbcClient;

class SqlHoldingDelegate {

    private final JdbcClient jdbc;

    SqlHoldingDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int count() {
        return jdbc.sql("select count(*) from registry_organization").query(Integer.class).single();
    }
}

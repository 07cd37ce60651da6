package org.anzexian.quality.archfixture.beta;

import org.springframework.jdbc.core.simple.JdbcClient;

public class BetaRepository {

    JdbcClient jdbc;

    public int count() {
        return 0;
    }
}

package org.anzexian.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins as administrators see them (#11 finding 3). The engine's own counter is no use
 * here: it is reset by the next success and shows neither source nor time.
 */
@Repository
class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);
    private static final int MAX_USER_ID = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginFailures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String userId, String source, String door) {
        String account = userId == null ? "" : userId.length() > MAX_USER_ID ? userId.substring(0, MAX_USER_ID) : userId;
        log.warn("登录失败 failed login of '{}' from {} ({})", account, source, door);
        jdbc.sql("INSERT INTO login_failure (user_id, source, door, failed_at) VALUES (:userId, :source, :door, :at)")
                .param("userId", account).param("source", source).param("door", door)
                .param("at", OffsetDateTime.now(clock)).update();
    }

    /** What the failures may be sorted by: id, failedAt, userId, source, door. */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "id", "failedAt", "failed_at",
            "userId", "user_id", "source", "source", "door", "door")), "id", "failedAt", "desc");

    PageResult<LoginFailure> recent(String userId, ListQuery page) {
        String where = userId == null ? "" : " WHERE user_id = :userId";
        long total = param(jdbc.sql("SELECT COUNT(*) FROM login_failure" + where), userId).query(Long.class).single();
        List<LoginFailure> items = param(jdbc.sql("SELECT id, user_id, source, door, failed_at FROM login_failure" + where
                + SORT.orderBy(page.sort()) + " LIMIT :size OFFSET :offset"), userId)
                .param("size", page.size()).param("offset", page.offset())
                .query((row, n) -> new LoginFailure(row.getLong("id"), row.getString("user_id"), row.getString("source"),
                        row.getString("door"), row.getObject("failed_at", OffsetDateTime.class)))
                .list();
        return page.result(items, total);
    }

    private static JdbcClient.StatementSpec param(JdbcClient.StatementSpec statement, String userId) {
        return userId == null ? statement : statement.param("userId", userId);
    }
}

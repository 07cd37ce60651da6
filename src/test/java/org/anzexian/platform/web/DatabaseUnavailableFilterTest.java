package org.anzexian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An {@code /api} request that meets a database it cannot reach gets 503, Retry-After and our Chinese error
 * (#15); every other failure and every success passes through untouched. PostgresRestartTest shows it with a
 * real PostgreSQL stopped under load.
 */
class DatabaseUnavailableFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatabaseUnavailableFilter.Unavailable filter =
            new DatabaseUnavailableFilter.Unavailable(JSON, Duration.ofSeconds(5));

    @Test
    void aLostConnectionIsAnswered503WithRetryAfterAndOurError() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.getWriter().write("half a page");
        filter.doFilter(new MockHttpServletRequest("POST", "/api/claims"), response, (request, ignored) -> {
            throw new ServletException("Request processing failed", new DataAccessResourceFailureException(
                    "INSERT INTO claim …", new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("message").asText()).isEqualTo(DatabaseUnavailableFilter.MESSAGE).contains("请稍后重试");
        assertThat(response.getContentAsString()).doesNotContain("half a page", "Exception", "SQL");
    }

    @Test
    void otherFailuresAndSuccessesPassThroughUntouched() throws Exception {
        DuplicateKeyException duplicate = new DuplicateKeyException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/api/claims"),
                new MockHttpServletResponse(), (request, response) -> {
                    throw duplicate;
                })).isSameAs(duplicate);

        MockHttpServletResponse answered = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/claims"), answered,
                (request, response) -> response.getWriter().write("[]"));
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getContentAsString()).isEqualTo("[]");
    }
}

package org.anzexian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import org.anzexian.platform.engine.CommitInDoubt;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * An {@code /api} request that meets a database it cannot reach gets 503, Retry-After and our Chinese error
 * (#15); every other failure and every success passes through untouched. PostgresRestartTest shows it with a
 * real PostgreSQL stopped under load.
 */
class DatabaseUnavailableFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatabaseUnavailableFilter.Answer answer = new DatabaseUnavailableFilter.Answer(JSON, Duration.ofSeconds(5));
    private final DatabaseUnavailableFilter.Unavailable filter = new DatabaseUnavailableFilter.Unavailable(answer);
    private final DatabaseUnavailableFilter.Resolver resolver = new DatabaseUnavailableFilter.Resolver(answer);

    /** How PostgreSQL's driver reports a connection the server cut: an I/O error caused by an EOFException. */
    private static SQLException cutByTheServer() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
    }

    /**
     * A controller's failure that lost the database is answered by our resolver, first: Spring's own takes the
     * EOFException for a client gone away and leaves the response at 200, empty (PostgresRestartTest met a report
     * answered 200 that was never stored).
     */
    @Test
    void aControllerFailureThatLostTheDatabaseIsAnswered503BeforeSpringTakesItForAClientGoneAway() throws Exception {
        Exception failure = new CommitInDoubt(cutByTheServer());
        MockHttpServletResponse springs = new MockHttpServletResponse();
        ModelAndView swallowed = new DefaultHandlerExceptionResolver().resolveException(
                new MockHttpServletRequest("POST", "/api/claims"), springs, null, failure);
        assertThat(swallowed).as("Spring's own resolver").isNotNull();
        assertThat(springs.getStatus()).as("Spring's own answer").isEqualTo(200);
        assertThat(resolver.getOrder()).as("before Spring MVC's resolvers").isEqualTo(Ordered.HIGHEST_PRECEDENCE);

        MockHttpServletResponse ours = new MockHttpServletResponse();
        assertThat(resolver.resolveException(new MockHttpServletRequest("POST", "/api/claims"), ours, null, failure))
                .isNotNull();
        assertThat(ours.getStatus()).isEqualTo(503);
        assertThat(ours.getHeader("Retry-After")).isEqualTo("5");
        assertThat(JSON.readTree(ours.getContentAsByteArray()).path("message").asText())
                .isEqualTo(DatabaseUnavailableFilter.IN_DOUBT_MESSAGE);
    }

    /** A portal page that lost the database gets our page with 503; other failures are left to Spring. */
    @Test
    void aPortalPageGetsTheUnavailablePageAndOtherFailuresAreLeftAlone() {
        MockHttpServletResponse page = new MockHttpServletResponse();
        ModelAndView unavailable = resolver.resolveException(new MockHttpServletRequest("GET", "/portal/hazards"), page,
                null, new DataAccessResourceFailureException("SELECT …", cutByTheServer()));
        assertThat(unavailable.getViewName()).isEqualTo(DatabaseUnavailableFilter.UNAVAILABLE_PAGE);
        assertThat(unavailable.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unavailable.getModel()).containsEntry("reason", DatabaseUnavailableFilter.MESSAGE);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");

        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(resolver.resolveException(new MockHttpServletRequest("POST", "/api/claims"), response, null,
                new IllegalStateException("no such claim", new EOFException()))).isNull();
        assertThat(resolver.resolveException(new MockHttpServletRequest("GET", "/portal/hazards"), response, null,
                new IllegalStateException("no such hazard", new EOFException()))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    /** The page itself, rendered by Thymeleaf from the jar's template as the portal renders it, in Chinese. */
    @Test
    void thePortalPageWhileTheDatabaseIsAwaySaysSoInChineseAndWhetherTheRequestMayHaveBeenSaved() throws Exception {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine thymeleaf = new SpringTemplateEngine();
        thymeleaf.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(thymeleaf);
        views.setCharacterEncoding("UTF-8");
        MockMvc portal = MockMvcBuilders.standaloneSetup(new FailingPages()).setHandlerExceptionResolvers(resolver)
                .setViewResolvers(views).build();

        MvcResult list = portal.perform(get("/portal/hazards")).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(503);
        assertThat(list.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(list.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("<h1>数据库暂时不可用</h1>",
                "本次请求未保存任何内容", "请约 5 秒后刷新本页", "href=\"/portal\"").doesNotContain("退出", "Exception");

        MvcResult saved = portal.perform(post("/portal/admin/organizations")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(503);
        assertThat(saved.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("无法确认本次请求是否已保存")
                .doesNotContain("未保存任何内容");
    }

    @Controller
    static class FailingPages {

        @GetMapping("/portal/hazards")
        String hazards() {
            throw new DataAccessResourceFailureException("SELECT …", cutByTheServer());
        }

        @PostMapping("/portal/admin/organizations")
        String createOrganization() {
            throw new CommitInDoubt(cutByTheServer());
        }
    }

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

    /** The connection broke during the commit: the answer must not claim that nothing was saved. */
    @Test
    void aCommitInDoubtIsAnswered503SayingItMayHaveBeenSaved() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/claims"), response, (request, ignored) -> {
            throw new ServletException("Request processing failed", new CommitInDoubt(
                    new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        String message = JSON.readTree(response.getContentAsByteArray()).path("message").asText();
        assertThat(message).isEqualTo(DatabaseUnavailableFilter.IN_DOUBT_MESSAGE).contains("无法确认本次请求是否已保存")
                .doesNotContain("未保存任何内容");
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

package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #11 finding 2: a page of another site cannot make the browser of a process owner deploy (or write
 * anything) through {@code /engine-rest} or {@code /api}, while Camunda Modeler still deploys.
 */
@AnzexianTest
class CrossSiteRequestTest {

    /** What Camunda Modeler 5 sends: it deploys from its Electron window, with Basic set by itself. */
    private static final String MODELER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " camunda-modeler/5.42.0 Chrome/138.0.7204.100 Electron/37.2.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    Browser browser;
    String deploymentName;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
        deploymentName = "crossSite" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeDeployments() {
        repository.createDeploymentQuery().deploymentName(deploymentName).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void formPostedFromAnotherSiteWithCachedBasicCredentialsDeploysNothing() throws Exception {
        HttpResponse<String> foreign = deploy(Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate", "User-Agent", "Mozilla/5.0 Chrome/138"));
        HttpResponse<String> sandboxed = deploy(Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> fetchMetadataOnly = deploy(Map.of("Sec-Fetch-Site", "same-site"));
        HttpResponse<String> refererOnly = deploy(Map.of("Referer", "https://evil.example/page.html"));

        for (HttpResponse<String> refused : new HttpResponse[] {foreign, sandboxed, fetchMetadataOnly, refererOnly}) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("拒绝来自其他网站的请求");
        }
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    }

    @Test
    void camundaModelerDeploysWithBasicAuthenticationFromItsWindowOrWithoutOrigin() throws Exception {
        HttpResponse<String> fromWindow = deploy(Map.of("Origin", "file://", "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "cors", "User-Agent", MODELER_AGENT, "Accept", "application/json"));
        assertThat(fromWindow.statusCode()).as(fromWindow.body()).isEqualTo(200);

        HttpResponse<String> withoutOrigin = deploy(Map.of("User-Agent", MODELER_AGENT, "Accept", "application/json"));
        assertThat(withoutOrigin.statusCode()).as(withoutOrigin.body()).isEqualTo(200);

        Deployment deployed = repository.createDeploymentQuery().deploymentName(deploymentName).list().get(0);
        assertThat(deployed.getSource()).isEqualTo("Camunda Modeler");
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployed.getId()).count()).isOne();
    }

    @Test
    void apiWritesFromAnotherSiteAreRefusedAndFromOurOwnPagesGoThrough() throws Exception {
        HttpRequest.Builder post = browser.request("/api/projects")
                .header("Authorization", Browser.basic("city", "city"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        HttpResponse<String> foreign = browser.send(post.copy().header("Origin", "https://evil.example"));
        HttpResponse<String> own = browser.send(post.copy().header("Origin", browser.ownOrigin())
                .header("Sec-Fetch-Site", "same-origin"));

        assertThat(foreign.statusCode()).isEqualTo(403);
        // our own page passes the check and reaches validation (an empty project is invalid)
        assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
        assertThat(browser.send(browser.request("/api/projects").header("Authorization", Browser.basic("city", "city"))
                .header("Origin", "https://evil.example")).statusCode()).isEqualTo(200);
    }

    @Test
    void theWebappsApiNeedsItsSessionAndCsrfTokenToDeploy() throws Exception {
        assertThat(browser.webappLogin("cockpit", "owner", "owner", "127.0.0.1").statusCode()).isEqualTo(200);
        browser.openApp("cockpit");
        Browser.Multipart form = modelerForm();
        HttpRequest.Builder deploy = browser.request("/camunda/api/engine/engine/default/deployment/create")
                .header("Content-Type", form.contentType())
                .POST(form.publisher());

        HttpResponse<String> withToken = browser.send(deploy.copy().header("X-XSRF-TOKEN", browser.xsrfToken()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isOne();
        removeDeployments();

        HttpResponse<String> withoutToken = browser.send(deploy.copy().header("Origin", "https://evil.example"));
        assertThat(withoutToken.statusCode()).as(withoutToken.body()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
    }

    @Test
    void checkingAnotherUsersPasswordIsClosedOnEveryDoor() throws Exception {
        HttpResponse<String> verify = browser.send(browser.request("/engine-rest/identity/verify")
                .header("Authorization", Browser.basic("owner", "owner"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"city\",\"password\":\"city\"}")));
        assertThat(verify.statusCode()).isEqualTo(403);
        assertThat(verify.body()).doesNotContain("authenticated");
    }

    private HttpResponse<String> deploy(Map<String, String> headers) throws Exception {
        Browser.Multipart form = modelerForm();
        HttpRequest.Builder request = browser.request("/engine-rest/deployment/create")
                .header("Authorization", Browser.basic("owner", "owner"))
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        headers.forEach(request::header);
        return browser.send(request);
    }

    /** What Camunda Modeler posts: a process with one user task and its Camunda Form, valid for the gate. */
    private Browser.Multipart modelerForm() {
        String processId = "CrossSiteProbe_" + deploymentName;
        String formId = "crossSiteProbeForm" + deploymentName;
        String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                .name("跨站测试").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Probe")
                .userTask("UserTask_Probe").name("测试任务").camundaCandidateGroups("processOwners")
                .camundaFormRef(formId).camundaFormRefBinding("deployment")
                .endEvent("EndEvent_Probe")
                .done());
        String form = """
                {"id":"%s","type":"default","schemaVersion":16,
                 "components":[{"type":"textfield","key":"note","label":"备注","id":"Field_Note"}]}
                """.formatted(formId);
        return Browser.Multipart.of(Map.of("deployment-name", deploymentName, "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true"), Map.of(processId + ".bpmn", xml, formId + ".form", form));
    }
}

package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.anzexian.platform.PlatformProbeModel;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN.md §7: stable resource names, no new version on an unchanged restart, all together on a change. */
@AnzexianTest
class ModelDeploymentPluginTest {

    private static final String PROBE = PlatformProbeModel.RESOURCE;
    private static final String FORM = PlatformProbeModel.FORM_RESOURCE;

    @Autowired
    RepositoryService repository;

    @Test
    void resourcesAreNamedByClasspathPathUnderJarAndUnderClassesFolder() {
        assertThat(ModelDeploymentPlugin.classpathRelativeName(
                "jar:file:/opt/app.jar!/BOOT-INF/classes!/processes/insurerFiling.bpmn", "processes"))
                .isEqualTo("processes/insurerFiling.bpmn");
        assertThat(ModelDeploymentPlugin.classpathRelativeName(
                "file:/work/main/target/classes/forms/review.form", "forms"))
                .isEqualTo("forms/review.form");
        assertThat(ModelDeploymentPlugin.classpathRelativeName(
                "file:/home/x/processes/checkout/target/classes/processes/sub/a.dmn", "processes"))
                .isEqualTo("processes/sub/a.dmn");
    }

    @Test
    void unchangedModelsCreateNoNewVersionAndAChangeRedeploysAllResources() throws IOException {
        String name = "deployment-test-" + UUID.randomUUID();
        Map<String, byte[]> models = new TreeMap<>();
        models.put(PROBE, read(PROBE));
        models.put(FORM, read(FORM));

        Deployment first = ModelDeploymentPlugin.deployIfChanged(repository, name, models).orElseThrow();
        int firstVersion = latestProbeVersion();

        assertThat(ModelDeploymentPlugin.deployIfChanged(repository, name, models)).isEmpty();
        assertThat(latestProbeVersion()).isEqualTo(firstVersion);

        String revised = new String(models.get(PROBE), StandardCharsets.UTF_8) + "\n<!-- revised by its owner -->\n";
        models.put(PROBE, revised.getBytes(StandardCharsets.UTF_8));
        Deployment second = ModelDeploymentPlugin.deployIfChanged(repository, name, models).orElseThrow();

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(latestProbeVersion()).isEqualTo(firstVersion + 1);
        assertThat(repository.getDeploymentResourceNames(second.getId())).containsExactlyInAnyOrder(PROBE, FORM);
    }

    private int latestProbeVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(PlatformProbeModel.KEY).latestVersion()
                .singleResult().getVersion();
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = ModelDeploymentPluginTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}

package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #13, one source of truth for live models: a revision the process owner deploys from Camunda Modeler
 * stays live across restarts — the packaged file does not silently replace it — until the revision is
 * copied into {@code processes/}; the package still deploys its other changes meanwhile.
 */
abstract class ModelRevisionContract {

    private static final String KEY = "hazardRectification";
    private static final String PACKAGED = "processes/hazardRectification.bpmn";
    private static final Pattern RECTIFY_TASK = Pattern.compile("(<bpmn:userTask id=\"UserTask_Rectify\" name=\")([^\"]*)\"");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    final List<String> deployedHere = new ArrayList<>();

    @AfterEach
    void backToThePackagedModels() {
        deployedHere.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void aRestartKeepsTheOwnersLiveRevisionUntilItIsCopiedIntoTheRepository() {
        RepositoryService repository = engine.getRepositoryService();
        Map<String, byte[]> packaged = ModelDeploymentPlugin.scanModels();
        byte[] revised = renamedRectifyTask(packaged.get(PACKAGED), "（流程管理员修订）");
        Map<String, byte[]> revision = new TreeMap<>();
        revision.put(PACKAGED, revised);
        packaged.keySet().stream().filter(name -> name.startsWith("forms/hazard"))
                .forEach(form -> revision.put(form, packaged.get(form)));

        Answer deployed = new EngineDoors(port).as(Door.ENGINE_REST, "owner", "owner")
                .deploy("整改任务改名：与现场用语一致", revision);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String ownersDeployment = deployed.json().path("id").asText();
        deployedHere.add(ownersDeployment);

        // a restart with the unchanged package: nothing deployed, the owner's revision stays live
        assertThat(ModelDeploymentPlugin.deployIfChanged(repository, ModelDeploymentPlugin.DEPLOYMENT_NAME, packaged)
                .map(Deployment::getId)).isEmpty();
        assertThat(live().getDeploymentId()).isEqualTo(ownersDeployment);

        // a release changes another model: that deploys, the owner's revision still stays live
        Map<String, byte[]> release = new TreeMap<>(packaged);
        release.put("processes/claimHandling.bpmn", withComment(packaged.get("processes/claimHandling.bpmn")));
        Deployment releaseDeployment = ModelDeploymentPlugin.deployIfChanged(repository,
                ModelDeploymentPlugin.DEPLOYMENT_NAME, release).orElseThrow();
        deployedHere.add(releaseDeployment.getId());
        assertThat(repository.getDeploymentResourceNames(releaseDeployment.getId()))
                .contains("processes/claimHandling.bpmn").doesNotContain(PACKAGED);
        assertThat(live().getDeploymentId()).isEqualTo(ownersDeployment);
        assertThat(ModelDeploymentPlugin.deployIfChanged(repository, ModelDeploymentPlugin.DEPLOYMENT_NAME, release)
                .map(Deployment::getId)).as("the next restart of that release deploys nothing").isEmpty();
        assertThat(live().getDeploymentId()).isEqualTo(ownersDeployment);

        // the revision copied into processes/: the package carries it again and goes live
        Map<String, byte[]> adopted = new TreeMap<>(release);
        adopted.put(PACKAGED, revised);
        Deployment adoptedDeployment = ModelDeploymentPlugin.deployIfChanged(repository,
                ModelDeploymentPlugin.DEPLOYMENT_NAME, adopted).orElseThrow();
        deployedHere.add(adoptedDeployment.getId());
        assertThat(live().getDeploymentId()).isEqualTo(adoptedDeployment.getId());
        assertThat(engine.getRepositoryService().getBpmnModelInstance(live().getId())
                .getModelElementById("UserTask_Rectify").getAttributeValue("name")).endsWith("（流程管理员修订）");
    }

    @Test
    void aPackagedChangeReplacesAnOlderPackagedVersionAsBefore() {
        RepositoryService repository = engine.getRepositoryService();
        Map<String, byte[]> release = new TreeMap<>(ModelDeploymentPlugin.scanModels());
        release.put(PACKAGED, renamedRectifyTask(release.get(PACKAGED), "（新版本）"));

        Deployment releaseDeployment = ModelDeploymentPlugin.deployIfChanged(repository,
                ModelDeploymentPlugin.DEPLOYMENT_NAME, release).orElseThrow();
        deployedHere.add(releaseDeployment.getId());

        assertThat(live().getDeploymentId()).isEqualTo(releaseDeployment.getId());
    }

    private ProcessDefinition live() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult();
    }

    private static byte[] renamedRectifyTask(byte[] bpmn, String suffix) {
        Matcher task = RECTIFY_TASK.matcher(new String(bpmn, StandardCharsets.UTF_8));
        assertThat(task.find()).as("the packaged model has UserTask_Rectify").isTrue();
        return task.replaceFirst("$1$2" + Matcher.quoteReplacement(suffix) + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withComment(byte[] bpmn) {
        return (new String(bpmn, StandardCharsets.UTF_8) + "\n<!-- release note -->\n").getBytes(StandardCharsets.UTF_8);
    }
}

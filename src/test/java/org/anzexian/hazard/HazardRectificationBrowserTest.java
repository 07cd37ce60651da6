package org.anzexian.hazard;

import static org.anzexian.hazard.HazardRectificationProcess.*;
import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.platform.files.FileStore;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rectification done in the Tasklist as people do it (N8.9): headless Chromium fills the embedded
 * form with a photo file as the construction unit's user, then the embedded verification form (the hazard,
 * the builder's description and photos in view) as the service organization's user. The hazard's record, the file store and the engine are the judges.
 */
@Tag("browser")
@AnzexianTest
class HazardRectificationBrowserTest extends HazardFixtures {

    @LocalServerPort
    int port;

    @BeforeEach
    void browser() {
        TasklistScript.requireBrowser();
    }

    @Test
    void theBuilderUploadsEvidenceInTheTasklistAndTheServiceOrgClosesTheHazard_N8_9() throws Exception {
        Site site = site();
        long id = raise(site, HazardSeverity.GENERAL);
        ProcessInstance instance = instance(id);
        byte[] photo = SampleFiles.jpeg();
        Path file = ProjectFiles.ROOT.resolve("target/browser/hazard-" + id + "-after.jpg");
        Files.createDirectories(file.getParent());
        Files.write(file, photo);

        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("整改情况说明", "已按规范补设连墙件，架体已校正");
        evidence.put("整改后照片 1（必传）", file.toString());
        Hazard raised = hazards.require(id);
        // the hazard and its photos are on screen (#12)
        new TasklistScript(port).complete(site.builder().user(), site.builder().user(), task(id, TASK_RECTIFY).getId(),
                evidence, "--expect-text", raised.description(), "--expect-text", raised.location()).assertOk();

        Hazard submitted = hazards.require(id);
        assertThat(submitted.status()).isEqualTo(HazardStatus.SUBMITTED);
        assertThat(submitted.rounds().get(0).evidenceDescription()).isEqualTo("已按规范补设连墙件，架体已校正");
        assertThat(submitted.rounds().get(0).evidenceFiles()).containsExactly(FileStore.sha256(photo));
        assertThat(submitted.rounds().get(0).submittedBy()).isEqualTo(site.builder().user());
        assertThat(files.find(FileStore.sha256(photo)).orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_EVIDENCE_PHOTO_PREFIX + 1))
                .as("the bytes left the process").isNull();

        // the verification shows the hazard, the builder's description and its evidence photos (#12)
        new TasklistScript(port).complete(site.verifier().user(), site.verifier().user(), task(id, TASK_VERIFY).getId(),
                Map.of("复核结论", "整改合格，销号"), "--expect-text", raised.description(),
                "--expect-text", "已按规范补设连墙件，架体已校正", "--expect-text", "整改后照片").assertOk();
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(END_HAZARD_CLOSED);
        Hazard closed = hazards.require(id);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(site.verifier().user());
        assertThat(closed.closedAt()).isNotNull();
        assertThat(archivedEvents(id)).endsWith("EVIDENCE_SUBMITTED", "HAZARD_CLOSED");
    }
}

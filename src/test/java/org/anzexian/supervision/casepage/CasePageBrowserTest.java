package org.anzexian.supervision.casepage;

import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectText;
import static org.anzexian.support.PortalBrowser.Step.expectUrl;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.read;
import static org.anzexian.support.PortalBrowser.Step.shot;
import static org.anzexian.support.PortalBrowser.Step.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.files.FileStore;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.PortalBrowser;
import org.anzexian.support.Processes;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A case page in a Chinese browser (#14): a hazard's timeline, and the links both ways with the Tasklist. */
@AnzexianTest
@Tag("browser")
class CasePageBrowserTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired HazardService hazards;
    @Autowired FileStore files;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void aCasePageShowsAHazardsTimeline() {
        InsuredProjects insuredProjects = new InsuredProjects(context);
        InsuredProject insured = insuredProjects.insured();
        Party verifier = insuredProjects.party(OrganizationType.SERVICE_ORG, InsuredProjects.COUNTY);
        String photo = files.store("found.jpg", "image/jpeg", SampleFiles.jpeg(), verifier.actor()).sha256();
        long id = hazards.raise(new NewHazard(insured.project().id(), insured.policy().id(), HazardSource.VISIT, 1L,
                HazardCategory.SCAFFOLDING, HazardSeverity.MAJOR, "连墙件缺失，架体外倾", "3 号楼东侧外架 12 层",
                List.of(photo), "立即补设连墙件并加固架体", verifier.id(), verifier.user()));
        DueJobs.run(engine, Processes.instance(engine, HazardRectificationProcess.KEY, id));
        Task rectify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey(HazardRectificationProcess.KEY)
                .taskDefinitionKey(HazardRectificationProcess.TASK_RECTIFY).singleResult();
        String builder = insured.builder().user();

        PortalBrowser.Run run = new PortalBrowser(port).walk(builder, builder,
                go("/portal/my?show=all"),
                go("/portal/cases/hazard/" + id),
                expectText("办理经过"),
                expectText("发现隐患"),
                expectText("报告重大隐患"),
                read("ol.timeline li strong"),
                read("table.open-tasks td"),
                shot("case-hazard"),
                // case page → the task in the Tasklist
                click("在任务清单中办理"),
                expectUrl("/camunda/app/tasklist/default/#/?task=" + rectify.getId()),
                expectText("业务门户"),
                waitFor(".anzexian-case-link a"),
                // the task pane → back to the case page
                click("查看案件"),
                expectUrl("/portal/cases/hazard/" + id),
                expectText("整改隐患并上传整改材料"));

        run.assertOk();
        assertThat(run.reads()).containsSubsequence("发现隐患", "流程发起", "下达整改");
        assertThat(run.reads()).contains("整改隐患并上传整改材料", insured.builder().name());
    }
}

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
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.PortalBrowser;
import org.anzexian.support.TestSmtp;
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

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void aCasePageShowsAHazardsTimeline() {
        CaseFixtures fixtures = new CaseFixtures(context);
        CaseFixtures.Site site = fixtures.site();
        InsuredProject insured = site.insured();
        long id = fixtures.raise(site, HazardSeverity.MAJOR);
        Task rectify = fixtures.task(id, HazardRectificationProcess.TASK_RECTIFY);
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

package org.anzexian.hazard;


import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.anzexian.platform.files.FileStore;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.Processes;
import org.anzexian.support.ReceivedMails;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * What hazard tests share: an insured project (real policy, so the insurer is known), a service
 * organization that verifies, hazards raised as the visit and claim modules raise them, and the mailbox.
 */
abstract class HazardFixtures {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String COUNTY_MAIL = "xinfu@demo.anzexian.local";
    static final String CITY_MAIL = "city@demo.anzexian.local";

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired HazardService hazards;
    @Autowired FileStore files;
    @Autowired TestRestTemplate http;

    InsuredProjects insuredProjects;

    /** An insured project and the service organization that verifies its hazards. */
    record Site(InsuredProject insured, Party verifier) {

        Party builder() {
            return insured.builder();
        }

        Party insurer() {
            return insured.insurer();
        }
    }

    @BeforeEach
    void fixtures() {
        BpmnAwareTests.init(engine);
        insuredProjects = new InsuredProjects(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    Site site() {
        return site(InsuredProjects.COUNTY);
    }

    Site site(String county) {
        InsuredProject insured = insuredProjects.insured(county, org.anzexian.registry.project.ProjectCategory.BUILDING,
                InsuredProjects.CONTRACT_AMOUNT);
        return new Site(insured, insuredProjects.party(OrganizationType.SERVICE_ORG, county));
    }

    long raise(Site site, HazardSeverity severity) {
        return raise(site, severity, HazardCategory.SCAFFOLDING);
    }

    /** As a prevention-service visit raises a hazard it found. */
    long raise(Site site, HazardSeverity severity, HazardCategory category) {
        return hazards.raise(new NewHazard(site.insured().project().id(), site.insured().policy().id(),
                HazardSource.VISIT, 1L, category, severity, "连墙件缺失，架体外倾", "3 号楼东侧外架 12 层",
                List.of(photo(site.verifier(), "found")), "立即补设连墙件并加固架体", site.verifier().id(), site.verifier().user()));
    }

    ProcessInstance instance(long hazardId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(hazardId), HazardRectificationProcess.KEY).singleResult();
    }

    /** The open tasks of the hazard's process by element id, for the candidate group. */
    List<String> tasksOf(String group, long hazardId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(hazardId))
                .processDefinitionKey(HazardRectificationProcess.KEY).taskCandidateGroup(group).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    Task task(long hazardId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(hazardId))
                .processDefinitionKey(HazardRectificationProcess.KEY).taskDefinitionKey(taskKey).singleResult();
    }

    List<String> archivedEvents(long hazardId) {
        return context.getBean(org.anzexian.platform.archive.ServiceArchive.class)
                .entriesAbout(org.anzexian.platform.archive.ArchiveSubject.HAZARD, hazardId).stream()
                .map(entry -> entry.event()).toList();
    }

    /** What the archive says of one event of the hazard: read by people on the case page. */
    String archivedDetail(long hazardId, String event) {
        return context.getBean(org.anzexian.platform.archive.ServiceArchive.class)
                .entriesAbout(org.anzexian.platform.archive.ArchiveSubject.HAZARD, hazardId).stream()
                .filter(entry -> entry.event().equals(event)).map(entry -> entry.detail()).findFirst().orElseThrow();
    }

    /** A JPEG the party uploaded through /api/files (only its organization may attach it, #11). */
    String photo(Party uploader, String what) {
        return files.store(what + ".jpg", "image/jpeg", SampleFiles.jpeg(), uploader.actor()).sha256();
    }

    static void moveClock(Date from, Duration by) {
        Processes.moveClock(from, by);
    }

    static MimeMessage awaitMail(String recipient, String subjectPart) {
        return ReceivedMails.await(smtp, recipient, subjectPart);
    }

    static List<MimeMessage> mails(String recipient, String subjectPart) {
        return ReceivedMails.of(smtp, recipient, subjectPart);
    }
}

package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.filing.FilingStatus;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.DueJobs;
import org.anzexian.support.ProjectFiles;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12, a licence change in the Tasklist only (N3.1, N3.3): a filed insurer's clerk proposes its
 * renewed licences in the start dialog — its current filing in view, the new scans uploaded, dates
 * picked — and the city bureau reads old and new side by side, with the new scans as links, in its
 * review task and approves; the filing then holds the new licences. Screenshots:
 * {@code target/screenshots/licence-*.png}.
 */
@Tag("browser")
@AnzexianTest
class InsurerLicenseChangeBrowserTest {

    private static final String CITY_USER = "city";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;
    @Autowired
    InsurerFilingService filings;
    @Autowired
    LicenseChangeService changes;
    @Autowired
    OrganizationService organizations;
    @Autowired
    GroupDirectory groups;
    @Autowired
    FileStore files;
    @Autowired
    Clock clock;

    FiledInsurers.Insurer insurer;
    InsurerFiling filing;

    @BeforeEach
    void aFiledInsurer() {
        TasklistScript.requireBrowser();
        insurer = new FiledInsurers(organizations, groups, files, filings, engine, clock).filed();
        filing = filings.list(insurer.clerk(), new PageQuery(0, 10)).items().stream()
                .filter(candidate -> candidate.status() == FilingStatus.FILED).findFirst().orElseThrow();
    }

    @Test
    void theClerkProposesRenewedLicencesWithScansAndTheCityApprovesAfterComparingThem_N3_1_N3_3_12() throws IOException {
        String clerk = insurer.clerk().userId();
        String validUntil = LocalDate.now(clock).plusYears(5).toString();
        String businessNumber = "BL-NEW-" + filing.id();
        String insuranceNumber = "IL-NEW-" + filing.id();
        TasklistScript tasklist = new TasklistScript(port);

        // an implausible expiry is refused in Chinese in the dialog, and nothing is proposed
        Map<String, String> implausible = new LinkedHashMap<>();
        implausible.put("营业执照编号", businessNumber);
        implausible.put("营业执照有效期至", "9999-12-31");
        implausible.put("营业执照扫描件", scan("business-implausible"));
        JsonNode refused = tasklist.start(clerk, clerk, InsurerLicenseChangeProcess.KEY, implausible,
                "--shot", "licence-0-refused").result();
        assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
        assertThat(refused.path("shown").asText()).contains("有效期至");
        assertThat(changes.list(insurer.clerk(), filing.id())).isEmpty();

        Map<String, String> start = new LinkedHashMap<>();
        start.put("营业执照编号", businessNumber);
        start.put("营业执照有效期至", validUntil);
        start.put("营业执照扫描件", scan("business"));
        start.put("保险许可证编号", insuranceNumber);
        start.put("保险许可证有效期至", validUntil);
        start.put("保险许可证扫描件", scan("insurance"));
        JsonNode started = tasklist.start(clerk, clerk, InsurerLicenseChangeProcess.KEY, start,
                "--expect-text", filing.branchName(),
                "--expect-text", "现有营业执照 " + filing.data().businessLicense().number(),
                "--shot", "licence-1-start").assertOk();
        long changeId = Long.parseLong(started.path("businessKey").asText());

        LicenseChange proposed = changes.list(insurer.clerk(), filing.id()).get(0);
        assertThat(proposed.id()).isEqualTo(changeId);
        assertThat(proposed.status()).isEqualTo(LicenseChange.Status.PENDING);
        assertThat(proposed.proposed().businessLicense().number()).isEqualTo(businessNumber);
        assertThat(files.find(proposed.proposed().insuranceLicense().scanHash())).as("the new scan is stored").isPresent();
        assertThat(filings.get(insurer.clerk(), filing.id()).data().businessLicense())
                .as("unchanged until approved").isEqualTo(filing.data().businessLicense());

        Task review = engine.getTaskService().createTaskQuery().processInstanceId(proposed.processInstanceId())
                .taskDefinitionKey(InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE).singleResult();
        assertThat(review.getDueDate()).isNotNull();
        tasklist.complete(CITY_USER, CITY_USER, review.getId(), Map.of("审核结论", "准予变更"),
                "--expect-text", filing.branchName(),
                "--expect-text", filing.data().businessLicense().number(),
                "--expect-text", businessNumber + "，有效期至 " + validUntil,
                "--expect-text", insuranceNumber,
                "--expect-text", "新营业执照扫描件",
                "--expect-text", "新保险许可证扫描件",
                "--shot", "licence-2-city-review").assertOk();
        DueJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(proposed.processInstanceId()).singleResult());

        assertThat(changes.list(insurer.clerk(), filing.id()).get(0).status()).isEqualTo(LicenseChange.Status.APPROVED);
        InsurerFiling renewed = filings.get(insurer.clerk(), filing.id());
        assertThat(renewed.data().businessLicense().number()).isEqualTo(businessNumber);
        assertThat(renewed.data().insuranceLicense().validUntil()).isEqualTo(LocalDate.parse(validUntil));
        assertThat(renewed.status()).isEqualTo(FilingStatus.FILED);
    }

    /** A scan of its own on disk for the browser to upload. */
    private String scan(String name) throws IOException {
        Path file = ProjectFiles.ROOT.resolve("target/browser/licence-" + filing.id() + "-" + name + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, SampleFiles.pdf("licence " + name + " " + filing.id()));
        return file.toString();
    }
}

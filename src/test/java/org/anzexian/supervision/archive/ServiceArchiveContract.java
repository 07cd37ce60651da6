package org.anzexian.supervision.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.ArchiveRecord;
import org.anzexian.platform.archive.ArchiveSubject;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.service.visit.ExtraVisitRequest;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.InsuredProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The project's service archive (N6.4): a hash chain per project that the database keeps append-only. */
abstract class ServiceArchiveContract {

    @Autowired ApplicationContext context;
    @Autowired ServiceArchive archive;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    InsuredProjects insuredProjects;

    // records here are about no real hazard, claim or visit: their subject ids are negative, so the
    // archive queries of other tests (by subject) never meet them

    @BeforeEach
    void fixtures() {
        insuredProjects = new InsuredProjects(context);
    }

    @Test
    void entriesOfAProjectFormAChainThatVerifies_N6_4() {
        InsuredProjects.InsuredProject insured = insuredProjects.insured();
        long projectId = insured.project().id();
        String photo = insuredProjects.storedFile(insured.builder(), "photo");

        long first = append(new ArchiveRecord(projectId, ArchiveSubject.HAZARD, -projectId, "HAZARD_RAISED", "so1", "脚手架缺连墙件",
                List.of(photo)));
        long second = append(new ArchiveRecord(projectId, ArchiveSubject.HAZARD, -projectId, "HAZARD_CLOSED", "so1", "已销号"));

        List<ArchiveEntry> entries = archive.entries(projectId);
        assertThat(entries).extracting(ArchiveEntry::id).containsExactly(first, second);
        assertThat(entries).extracting(ArchiveEntry::seq).containsExactly(1L, 2L);
        assertThat(entries.get(0).previousHash()).isEqualTo(ServiceArchive.GENESIS);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
        assertThat(entries.get(0).files()).containsExactly(photo);
        assertThat(archive.verify(projectId).intact()).isTrue();
        assertThat(archive.entriesAbout(ArchiveSubject.HAZARD, -projectId)).extracting(ArchiveEntry::projectId).contains(projectId);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry_N6_4() {
        long projectId = insuredProjects.insured().project().id();
        long id = append(new ArchiveRecord(projectId, ArchiveSubject.CLAIM, -projectId, "CLAIM_REPORTED", "builder", "高处坠落"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE service_archive SET detail = 'changed' WHERE id = :id")
                .param("id", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM service_archive WHERE id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThat(archive.entries(projectId)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("高处坠落"));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        long projectId = insuredProjects.insured().project().id();

        assertThatThrownBy(() -> archive.append(new ArchiveRecord(projectId, ArchiveSubject.VISIT, -projectId, "VISIT_DONE", "x", "")))
                .hasMessageContaining("transaction");
        assertThat(archive.entries(projectId)).isEmpty();
    }

    @Test
    void theProjectsPartiesReadTheArchiveAndOthersDoNot_N6_4() {
        ServicedProject serviced = insuredProjects.serviced();
        long projectId = serviced.project().id();
        append(new ArchiveRecord(projectId, ArchiveSubject.VISIT, -projectId, "VISIT_RECORDED", serviced.serviceOrg().user(), "月度巡查"));
        Party otherBuilder = insuredProjects.party(OrganizationType.CONSTRUCTION_UNIT, InsuredProjects.COUNTY);

        for (String user : List.of(serviced.builder().user(), serviced.insurer().user(), serviced.serviceOrg().user(),
                "xinfu", "city")) {
            ResponseEntity<JsonNode> response = read(user, projectId);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().get("verification").get("intact").asBoolean()).isTrue();
            // the registration scheduled the first visit (VISIT_SCHEDULED) before this entry
            assertThat(response.getBody().get("entries")).extracting(entry -> entry.get("event").asText())
                    .endsWith("VISIT_RECORDED");
        }
        for (String user : List.of(otherBuilder.user(), "yuanping", "cpic")) {
            assertThat(read(user, projectId).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    /**
     * #11 finding 8: parallel business steps on one project all succeed — their archive appends wait for
     * each other in the database instead of colliding on (project, seq) — and each is recorded once, in
     * a chain that verifies and is numbered without gaps.
     */
    @Test
    void parallelStepsOnOneProjectAreAllRecordedInOneChain_N6_4() throws Exception {
        ServicedProject serviced = insuredProjects.serviced();
        long projectId = serviced.project().id();
        int before = archive.entries(projectId).size();
        int parallel = 20;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                String reason = "并发加派 " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.withBasicAuth(serviced.builder().user(), serviced.builder().user()).postForEntity(
                            "/api/visits/requests", new ExtraVisitRequest(serviced.policy().id(), reason), JsonNode.class);
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ArchiveEntry> entries = archive.entries(projectId);
        assertThat(archive.verify(projectId).intact()).isTrue();
        assertThat(entries).extracting(ArchiveEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, before + parallel).boxed().toList());
        assertThat(entries.subList(before, entries.size())).extracting(ArchiveEntry::event).containsOnly("VISIT_REQUESTED");
        assertThat(entries.subList(before, entries.size())).extracting(ArchiveEntry::subjectId).doesNotHaveDuplicates();
        assertThat(entries.subList(before, entries.size())).extracting(ArchiveEntry::detail)
                .allSatisfy(detail -> assertThat(detail).containsPattern("并发加派 \\d+$"))
                .extracting(detail -> detail.substring(detail.lastIndexOf(' ') + 1))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, parallel).mapToObj(String::valueOf).toList());
    }

    private ResponseEntity<JsonNode> read(String user, long projectId) {
        return http.withBasicAuth(user, user).getForEntity("/api/projects/" + projectId + "/archive", JsonNode.class);
    }

    private long append(ArchiveRecord record) {
        return transactions.execute(status -> archive.append(record));
    }
}

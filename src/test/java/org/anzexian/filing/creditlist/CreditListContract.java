package org.anzexian.filing.creditlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.registry.CreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The city bureau's credit lists (N3.7, N7.3): CSV import all or nothing, who and when, lookups. */
abstract class CreditListContract {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CreditListService creditLists;

    @Test
    void cityBureauImportsAGoodFileAndEveryEntryRecordsWhoAndWhen_N3_7() {
        String listed = uniqueCreditCode();
        String other = uniqueCreditCode();
        String csv = CreditListCsv.HEADER + "\n"
                + "SERIOUS_DISHONESTY," + listed + ",忻州测试保险公司,2025-03-01,\"虚假承诺,拒不履行\",信用中国\n"
                + "DISHONEST_JUDGMENT_DEBTOR," + other + ",某建设公司,2024-11-20,拒不履行判决,中国执行信息公开网\n"
                + "ENFORCEMENT_OR_BAD_CONDUCT," + listed + ",忻州测试保险公司,2023-05-06,行政处罚,忻州市住建局\n";

        ResponseEntity<JsonNode> response = importAs("city", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = response.getBody();
        assertThat(result.get("imported").asInt()).isEqualTo(3);
        assertThat(result.get("importedBy").asText()).isEqualTo("city");
        assertThat(result.get("importedByType").get("SERIOUS_DISHONESTY").asInt()).isEqualTo(1);
        long batchId = result.get("batchId").asLong();

        var entries = creditLists.entriesFor(listed,
                Set.of(CreditListType.SERIOUS_DISHONESTY, CreditListType.DISHONEST_JUDGMENT_DEBTOR), null);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("虚假承诺,拒不履行");
            assertThat(entry.source()).isEqualTo("信用中国");
            assertThat(entry.importBatchId()).isEqualTo(batchId);
            assertThat(entry.importedBy()).isEqualTo("city");
            assertThat(entry.importedAt()).isNotNull();
        });
        assertThat(creditLists.entriesFor(listed, Set.of(), null)).hasSize(2);
        assertThat(creditLists.entriesFor(listed, Set.of(), LocalDate.of(2024, 1, 1))).hasSize(1);
    }

    @Test
    void reimportingTheSameEntriesAddsNothing() {
        String code = uniqueCreditCode();
        String csv = CreditListCsv.HEADER + "\nSERIOUS_DISHONESTY," + code + ",甲公司,2025-01-02,失信,信用中国\n";
        importAs("city", csv);

        JsonNode again = importAs("city", csv).getBody();

        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("alreadyListed").asInt()).isEqualTo(1);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).hasSize(1);
    }

    @Test
    void aFileWithBadLinesIsRefusedNamingLinesAndFieldsAndNothingIsImported() {
        String good = uniqueCreditCode();
        // a check character other than the right one (a random code's may itself be X)
        String wrongCheck = good.endsWith("X") ? "Y" : "X";
        String csv = CreditListCsv.HEADER + "\n"
                + "SERIOUS_DISHONESTY," + good + ",乙公司,2025-01-02,失信,信用中国\n"
                + "BLACKLIST," + good.substring(0, 17) + wrongCheck + ",乙公司,2025-13-01,失信,信用中国\n"
                + "SERIOUS_DISHONESTY," + good + ",,2025-01-02,失信\n";

        ResponseEntity<JsonNode> response = importAs("city", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").findValuesAsText("field"))
                .contains("line 3.type", "line 3.creditCode", "line 3.listedOn", "line 4");
        assertThat(creditLists.entriesFor(good, Set.of(), null)).isEmpty();
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        ResponseEntity<JsonNode> response = importAs("city", "SERIOUS_DISHONESTY," + uniqueCreditCode()
                + ",丙公司,2025-01-02,失信,信用中国\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fieldErrors").findValuesAsText("field")).containsExactly("line 1");
    }

    @Test
    void onlyTheCityBureauOrAnAdminImportsOrReadsTheLists() {
        String code = uniqueCreditCode();
        String csv = CreditListCsv.HEADER + "\nSERIOUS_DISHONESTY," + code + ",丁公司,2025-01-02,失信,信用中国\n";

        assertThat(importAs("picc", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(importAs("xinfu", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).isEmpty();
        assertThat(http.withBasicAuth("picc", "picc").getForEntity("/api/credit-list", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(importAs("demo", csv).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void cityBureauListsEntriesByCreditCodeAndType() {
        String code = uniqueCreditCode();
        importAs("city", CreditListCsv.HEADER + "\n"
                + "SERIOUS_DISHONESTY," + code + ",戊公司,2025-01-02,失信,信用中国\n"
                + "ENFORCEMENT_OR_BAD_CONDUCT," + code + ",戊公司,2024-01-02,处罚,住建局\n");

        JsonNode all = http.withBasicAuth("city", "city")
                .getForEntity("/api/credit-list?creditCode=" + code, JsonNode.class).getBody();
        JsonNode bad = http.withBasicAuth("city", "city")
                .getForEntity("/api/credit-list?creditCode=" + code + "&type=ENFORCEMENT_OR_BAD_CONDUCT", JsonNode.class)
                .getBody();

        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(bad.get("total").asInt()).isEqualTo(1);
        assertThat(bad.get("items").get(0).get("reason").asText()).isEqualTo("处罚");
    }

    private ResponseEntity<JsonNode> importAs(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return http.withBasicAuth(user, user).postForEntity("/api/credit-list/imports",
                new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    static String uniqueCreditCode() {
        StringBuilder body = new StringBuilder("91149");
        for (int i = 0; i < 12; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }
}

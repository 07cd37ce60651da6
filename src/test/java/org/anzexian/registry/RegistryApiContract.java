package org.anzexian.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectTitle;
import org.anzexian.platform.web.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticePage;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's JSON API as the demo users see it; run on H2 and on PostgreSQL. */
abstract class RegistryApiContract {

    private static final String DIGITS = "0123456789";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationService notifications;

    @Autowired
    ProjectService projects;

    // --- jurisdictions ---------------------------------------------------------------------

    @Test
    void jurisdictionListHasTheCityAndItsSixteenAreas() {
        JsonNode list = get("picc", "/api/jurisdictions").getBody().path("items");
        assertThat(list).hasSize(17);
        assertThat(list.get(0).get("code").asText()).isEqualTo("140900");
        assertThat(get("picc", "/api/jurisdictions/140900WTS").getBody().get("name").asText()).isEqualTo("五台山风景名胜区");
        assertThat(get("picc", "/api/jurisdictions/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyAreaHasItsCountyAuthorityGroup() {
        assertThat(identityService.createGroupQuery().groupId("county140900KFQ").singleResult().getType()).isEqualTo("county");
        assertThat(identityService.createGroupQuery().groupId("county140900").count()).isZero();
    }

    @Test
    void anonymousCallsAreRefused() {
        for (String path : List.of("/api/jurisdictions", "/api/people", "/api/projects")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void theApiIsDocumented() {
        String docs = http.getForObject("/v3/api-docs", String.class);
        assertThat(docs).contains("/api/jurisdictions", "/api/organizations", "/api/people", "/api/projects", "登记项目");
    }

    // --- organizations ---------------------------------------------------------------------

    @Test
    void cityBureauRegistersAnOrganizationAndItsCamundaGroupIsCreated() {
        String creditCode = randomCreditCode();
        ResponseEntity<JsonNode> created = post("city", "/api/organizations", organization("INSURER", creditCode));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("groupId").asText()).isEqualTo("insurer" + id);
        Group group = identityService.createGroupQuery().groupId("insurer" + id).singleResult();
        assertThat(group).isNotNull();
        assertThat(group.getType()).isEqualTo("insurer");
        assertThat(get("picc", "/api/organizations/credit-code/" + creditCode).getBody().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aRegisteredOrganizationIsToldByMailThroughTheOutbox() {
        ResponseEntity<JsonNode> created = post("city", "/api/organizations", organization("INSURER", randomCreditCode()));
        long id = created.getBody().get("id").asLong();

        NoticePage notices = notifications.list(new NoticeFilter(null, NoticeTemplates.ORGANIZATION_REGISTERED,
                "organization:" + id, null), 0, 10);

        assertThat(notices.items()).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo("test@example.org");
            assertThat(notice.subject()).contains(created.getBody().get("name").asText()).contains("已登记");
        });
    }

    @Test
    void wrongCheckCharacterIsRefusedNamingTheExpectedCharacterAndNothingIsWritten() {
        String valid = randomCreditCode();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        long before = count("organization");

        ResponseEntity<JsonNode> refused = post("city", "/api/organizations",
                organization("INSURER", valid.substring(0, 17) + wrong));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldMessage(refused, "creditCode")).contains("校验位").contains("'" + valid.charAt(17) + "'");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void aBodyWithTrailingGarbageIsRefusedAsMalformedAndNothingIsWritten() throws Exception {
        long before = count("organization");
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(organization("INSURER", randomCreditCode())) + " {\"type\":\"BUILDER\"}";
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> refused = http.withBasicAuth("city", "city").postForEntity("/api/organizations",
                new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("JSON");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void missingRequiredOrganizationFieldsAreEachNamed() {
        long before = count("organization");

        ResponseEntity<JsonNode> refused = post("city", "/api/organizations", Map.of("email", "not-an-address"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("type", "name", "creditCode", "principal", "email");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void duplicateCreditCodeIsAConflict() {
        String creditCode = randomCreditCode();
        assertThat(post("city", "/api/organizations", organization("SERVICE_ORG", creditCode)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> again = post("city", "/api/organizations", organization("SERVICE_ORG", creditCode));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fieldMessage(again, "creditCode")).contains("已登记");
    }

    @Test
    void aBureauMustNameAKnownAuthorityGroup() {
        Map<String, Object> bureau = organization("BUREAU", randomCreditCode());
        bureau.put("bureauGroup", "county999999");
        ResponseEntity<JsonNode> refused = post("city", "/api/organizations", bureau);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("bureauGroup");

        bureau.put("bureauGroup", "county140902");
        assertThat(post("city", "/api/organizations", bureau).getStatusCode())
                .as("the demo registered 忻府区住建局 for that group").isEqualTo(HttpStatus.CONFLICT);
        assertThat(organizations.findByGroup("county140902")).map(Organization::name).hasValue("忻府区住建局");
    }

    @Test
    void onlyTheCityBureauOrAnAdministratorRegistersOrganizations() {
        long before = count("organization");
        ResponseEntity<JsonNode> refused = post("picc", "/api/organizations", organization("INSURER", randomCreditCode()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("message").asText()).contains("市住建局");
        assertThat(count("organization")).isEqualTo(before);

        assertThat(post("demo", "/api/organizations", organization("PARTICIPANT", randomCreditCode())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theOrganizationRegisterIsPublicToLoggedInUsersWithFiltersAndPaging() {
        JsonNode page = get("sijian", "/api/organizations?type=INSURER&name=太平洋&size=1").getBody();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("name").asText()).contains("太平洋");

        ResponseEntity<JsonNode> badPage = get("sijian", "/api/organizations?size=0");
        assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badPage)).contains("size");
    }

    @Test
    void severalOrganizationsAreReadAtOnceAndAMissingOneIsRefused() {
        Organization picc = organizationOf("picc");
        Organization sijian = organizationOf("sijian");

        assertThat(organizations.requireAll(List.of(picc.id(), sijian.id())))
                .as("a claim's insurer and construction unit in one read (N6.5 notices)")
                .isEqualTo(Map.of(picc.id(), picc, sijian.id(), sijian));
        assertThat(organizations.requireAll(List.of(picc.id(), picc.id()))).isEqualTo(Map.of(picc.id(), picc));
        assertThatThrownBy(() -> organizations.requireAll(List.of(picc.id(), -1L)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("-1");
    }

    // --- people ----------------------------------------------------------------------------

    @Test
    void membersRegisterPeopleOfTheirOwnOrganizationOnly() {
        Organization anke = organizationOf("anke");
        Organization jianan = organizationOf("jianan");

        ResponseEntity<JsonNode> created = post("anke", "/api/people", person(anke.id(), "AQ-" + random(8)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("certificates").get(0).get("type").asText()).isEqualTo("SAFETY_ENGINEER");

        long before = count("person");
        assertThat(post("anke", "/api/people", person(jianan.id(), "AQ-" + random(8))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void missingRequiredPersonFieldsAreEachNamed() {
        long before = count("person");
        ResponseEntity<JsonNode> refused = post("city", "/api/people",
                Map.of("certificates", List.of(Map.of("type", "FIRE_ENGINEER"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("organizationId", "name", "role", "safetyYears",
                "certificates[0].number", "certificates[0].validUntil");
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void anInsurerCannotSeeAnotherInsurersPeople() {
        Organization picc = organizationOf("picc");
        Organization cpic = organizationOf("cpic");

        JsonNode own = get("picc", "/api/people?organizationId=" + picc.id()).getBody();
        assertThat(own.get("items")).isNotEmpty();
        long piccPersonId = own.get("items").get(0).get("id").asLong();

        assertThat(get("cpic", "/api/people?organizationId=" + picc.id()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("cpic", "/api/people/" + piccPersonId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (JsonNode person : get("cpic", "/api/people?size=200").getBody().get("items")) {
            assertThat(person.get("organizationId").asLong()).isEqualTo(cpic.id());
        }
        assertThat(get("city", "/api/people/" + piccPersonId).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void peopleAreFilteredByCertificateAndExperience() {
        JsonNode page = get("city", "/api/people?certificateType=SAFETY_ENGINEER&minYears=15&size=200").getBody();
        assertThat(page.get("items")).isNotEmpty();
        for (JsonNode person : page.get("items")) {
            assertThat(person.get("safetyYears").asInt()).isGreaterThanOrEqualTo(15);
            assertThat(person.get("certificates").findValuesAsText("type")).contains("SAFETY_ENGINEER");
        }
    }

    // --- projects --------------------------------------------------------------------------

    @Test
    void registersAProjectWithItsPartiesAndReadsItBack() {
        long sijian = organizationOf("sijian").id();
        long erjian = organizationOf("erjian").id();
        long labour = createOrganization("PARTICIPANT");
        String participantCode = randomCreditCode();
        Map<String, Object> project = project("140902", sijian);
        project.put("jointVentureMembers", List.of(
                Map.of("organizationId", sijian, "lead", true, "sharePercent", 60),
                Map.of("organizationId", erjian, "lead", false, "sharePercent", 40)));
        project.put("subcontractors", List.of(Map.of("organizationId", labour, "premiumSharePercent", 12.5)));
        project.put("participants", List.of(Map.of("role", "DESIGN", "name", "某设计院", "creditCode", participantCode)));

        ResponseEntity<JsonNode> created = post("city", "/api/projects", project);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode read = get("city", "/api/projects/code/" + project.get("code")).getBody();
        assertThat(read.get("contractAmount").decimalValue()).isEqualByComparingTo("12345678.90");
        assertThat(read.get("constructionContract").get("number").asText()).isEqualTo(project.get("constructionContractNumber"));
        assertThat(read.get("jointVentureMembers").get(0).get("lead").asBoolean()).isTrue();
        assertThat(read.get("jointVentureMembers").get(0).get("organizationId").asLong()).isEqualTo(sijian);
        assertThat(read.get("subcontractors").get(0).get("premiumSharePercent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(read.get("participants").get(0).get("creditCode").asText()).isEqualTo(participantCode);
        assertThat(get("erjian", "/api/projects/" + read.get("id").asLong()).getStatusCode())
                .as("a joint-venture member sees the project").isEqualTo(HttpStatus.OK);
        assertThat(projects.requireTitle(read.get("id").asLong()))
                .as("the title mails name the project by (hazard notices, N8.9)")
                .isEqualTo(new ProjectTitle(read.get("id").asLong(), (String) project.get("code"), read.get("name").asText()));
        assertThatThrownBy(() -> projects.requireTitle(-1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownJurisdictionIsRefusedAndNothingIsWritten() {
        long projects = count("project");
        long contracts = count("construction_contract");

        ResponseEntity<JsonNode> refused = post("city", "/api/projects", project("149999", organizationOf("sijian").id()));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldMessage(refused, "jurisdictionCode")).contains("未知的辖区");
        assertThat(count("project")).isEqualTo(projects);
        assertThat(count("construction_contract")).isEqualTo(contracts);
    }

    @Test
    void missingRequiredProjectFieldsAreEachNamed() {
        long before = count("project");
        ResponseEntity<JsonNode> refused = post("city", "/api/projects", Map.of("contractAmount", -5));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("code", "name", "siteAddress", "jurisdictionCode", "category", "subtype",
                "contractAmount", "contractStart", "contractEnd", "permitStatus", "constructionUnitId",
                "constructionContractNumber");
        assertThat(count("project")).isEqualTo(before);
    }

    @Test
    void rulesAcrossFieldsAreCheckedBeforeAnythingIsWritten() {
        long sijian = organizationOf("sijian").id();
        long erjian = organizationOf("erjian").id();
        Map<String, Object> project = project("140902", sijian);
        project.put("subtype", "BRIDGE");
        project.put("contractEnd", "2024-01-01");
        project.put("jointVentureMembers", List.of(
                Map.of("organizationId", sijian, "lead", true, "sharePercent", 70),
                Map.of("organizationId", erjian, "lead", true, "sharePercent", 40)));
        project.put("participants", List.of(Map.of("role", "SUPERVISION", "name", "某监理公司",
                "creditCode", "91140900MA0K0000XX")));
        long before = count("project");

        ResponseEntity<JsonNode> refused = post("city", "/api/projects", project);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("subtype", "contractEnd", "jointVentureMembers", "participants[0].creditCode");
        assertThat(refused.getBody().get("fieldErrors").findValuesAsText("message"))
                .anyMatch(message -> message.contains("牵头单位"))
                .anyMatch(message -> message.contains("100%"));
        assertThat(count("project")).isEqualTo(before);
    }

    @Test
    void unreadableRequestsAreRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> malformed = http.withBasicAuth("city", "city")
                .exchange("/api/projects", HttpMethod.POST, new HttpEntity<>("{\"code\":", headers), JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("status").asInt()).isEqualTo(400);

        Map<String, Object> project = project("140902", organizationOf("sijian").id());
        project.put("category", "SKYSCRAPER");
        ResponseEntity<JsonNode> badEnum = post("city", "/api/projects", project);
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badEnum)).containsExactly("category");
    }

    @Test
    void phasesUnderOneConstructionContractShareIt_N2_4() {
        long sijian = organizationOf("sijian").id();
        Map<String, Object> first = project("140902", sijian);
        Map<String, Object> second = project("140902", sijian);
        second.put("constructionContractNumber", first.get("constructionContractNumber"));
        second.put("contractStart", "2027-01-01");
        second.put("contractEnd", "2027-12-31");

        long firstContract = post("sijian", "/api/projects", first).getBody().get("constructionContract").get("id").asLong();
        JsonNode secondContract = post("sijian", "/api/projects", second).getBody().get("constructionContract");

        assertThat(secondContract.get("id").asLong()).isEqualTo(firstContract);
        assertThat(secondContract.get("amount").decimalValue()).isEqualByComparingTo("24691357.80");
        assertThat(secondContract.get("end").asText()).isEqualTo("2027-12-31");

        Map<String, Object> foreign = project("140981", organizationOf("erjian").id());
        foreign.put("constructionContractNumber", first.get("constructionContractNumber"));
        assertThat(post("erjian", "/api/projects", foreign).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aBuilderSeesOnlyItsOwnProjects() {
        long sijian = organizationOf("sijian").id();
        JsonNode page = get("sijian", "/api/projects?size=200").getBody();
        assertThat(page.get("items")).isNotEmpty();
        for (JsonNode project : page.get("items")) {
            assertThat(project.get("constructionUnitId").asLong() == sijian
                    || project.get("jointVentureMembers").findValuesAsText("organizationId").contains(String.valueOf(sijian)))
                    .isTrue();
        }
        assertThat(get("erjian", "/api/projects/code/XF-2025-001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("sijian", "/api/projects/code/XF-2025-001").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCountyUserSeesOnlyItsArea() {
        JsonNode page = get("xinfu", "/api/projects?size=200").getBody();
        assertThat(page.get("items")).isNotEmpty();
        assertThat(page.get("items").findValuesAsText("jurisdictionCode")).containsOnly("140902");
        assertThat(get("yuanping", "/api/projects/code/XF-2025-001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("yuanping", "/api/projects/code/YP-2025-001").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anInsurerSeesNoProjects() {
        JsonNode page = get("picc", "/api/projects").getBody();
        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("items")).isEmpty();
        assertThat(get("picc", "/api/projects/code/XF-2025-001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void whoMayRegisterAProject() {
        long erjian = organizationOf("erjian").id();
        long before = count("project");
        assertThat(post("sijian", "/api/projects", project("140981", erjian)).getStatusCode())
                .as("another builder's project").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("xinfu", "/api/projects", project("140981", erjian)).getStatusCode())
                .as("another county's project").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count("project")).isEqualTo(before);

        assertThat(post("yuanping", "/api/projects", project("140981", erjian)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("erjian", "/api/projects", project("140981", erjian)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    // --- helpers ---------------------------------------------------------------------------

    private Organization organizationOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> organizations.findByGroup(group.getId()))
                .flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow();
    }

    private long createOrganization(String type) {
        return post("city", "/api/organizations", organization(type, randomCreditCode())).getBody().get("id").asLong();
    }

    private static Map<String, Object> organization(String type, String creditCode) {
        Map<String, Object> organization = new HashMap<>();
        organization.put("type", type);
        organization.put("name", "测试单位" + random(6));
        organization.put("creditCode", creditCode);
        organization.put("principal", "张三");
        organization.put("email", "test@example.org");
        organization.put("jurisdictionCode", "140902");
        return organization;
    }

    private static Map<String, Object> person(long organizationId, String certificateNumber) {
        return Map.of("organizationId", organizationId, "name", "李四", "role", "服务人员", "title", "高级工程师",
                "safetyYears", 16, "certificates",
                List.of(Map.of("type", "SAFETY_ENGINEER", "number", certificateNumber, "validUntil", "2030-06-30")));
    }

    private static Map<String, Object> project(String jurisdictionCode, long constructionUnitId) {
        Map<String, Object> project = new HashMap<>();
        project.put("code", "T-" + random(10));
        project.put("name", "测试项目");
        project.put("siteAddress", "忻州市某路 1 号");
        project.put("jurisdictionCode", jurisdictionCode);
        project.put("category", "BUILDING");
        project.put("subtype", "RESIDENTIAL");
        project.put("contractAmount", "12345678.90");
        project.put("contractStart", "2026-03-01");
        project.put("contractEnd", "2026-12-31");
        project.put("permitStatus", "NONE");
        project.put("constructionUnitId", constructionUnitId);
        project.put("constructionContractNumber", "SG-" + random(10));
        return project;
    }

    private static String randomCreditCode() {
        return CreditCode.withCheckCharacter("91140900" + random(9));
    }

    private static String random(int digits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            text.append(DIGITS.charAt(ThreadLocalRandom.current().nextInt(DIGITS.length())));
        }
        return text.toString();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void theProjectListIsSortedEitherWayAndRefusesAnUnknownField() {
        List<String> down = new ArrayList<>();
        get("city", "/api/projects?sort=code,desc&size=200").getBody().path("items")
                .forEach(project -> down.add(project.path("code").asText()));
        assertThat(down).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode firstUp = get("city", "/api/projects?sort=code,asc&size=1").getBody();
        assertThat(firstUp.path("total").asLong()).isGreaterThanOrEqualTo(down.size());
        ResponseEntity<JsonNode> refused = get("city", "/api/projects?sort=secret");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fieldErrors").get(0).path("message").asText()).contains("code", "可排序的字段");
    }

    private ResponseEntity<JsonNode> get(String userId, String path) {
        return http.withBasicAuth(userId, userId).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String userId, String path, Object body) {
        return http.withBasicAuth(userId, userId).postForEntity(path, body, JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        List<String> fields = new ArrayList<>();
        response.getBody().get("fieldErrors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String fieldMessage(ResponseEntity<JsonNode> response, String field) {
        for (JsonNode error : response.getBody().get("fieldErrors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no message for field " + field + " in " + response.getBody());
    }
}

package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.insurer.LicenseChangeService;
import org.anzexian.filing.insurer.LicenseUpdate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.visit.VisitService;
import org.anzexian.underwriting.EndorsementService;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The access matrix of {@code docs/ACCESS.md} (role × step), held against the models and against the
 * {@link StepOwnership} beans on real records: every user task in {@code processes/} has its row, and
 * for one record of each process every step is owned by exactly the group of its row's role and by no
 * other role's group (#10, DESIGN.md §2a). Which door is used does not matter to the guard; the doors
 * themselves are attacked in {@code DoorAttackTest}.
 */
@AnzexianTest
class DoorAccessMatrixTest {

    record Row(String process, String step, String name, Role owner, List<String> apiDoors) {
    }

    @Autowired ApplicationContext context;
    @Autowired StepOwnerships owners;
    @Autowired HazardService hazards;
    @Autowired VisitService visits;
    @Autowired InsurerFilingService insurerFilings;
    @Autowired LicenseChangeService licenseChanges;
    @Autowired FileStore files;
    @Autowired ServiceOrgFilingService serviceOrgFilings;
    @Autowired TestRestTemplate http;
    @Autowired ProjectService projects;
    @Autowired EndorsementService endorsements;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    @Test
    void everyUserTaskOfTheModelsHasItsRowAndEveryRowNamesAUserTask() {
        Set<String> modelled = new TreeSet<>();
        for (Path file : ProjectFiles.find(ProjectFiles.PROCESSES, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                modelled.add(processOf(task) + "/" + task.getId() + " " + task.getName());
            }
        }
        Set<String> rows = rows().stream().map(row -> row.process() + "/" + row.step() + " " + row.name())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).as("docs/ACCESS.md against the user tasks of processes/").isEqualTo(modelled);
    }

    @Test
    void everyProcessWithUserTasksHasItsOwnerBean() {
        assertThat(owners.processKeys()).containsAll(rows().stream().map(Row::process).collect(Collectors.toSet()));
    }

    @Test
    void everyApiDoorOfTheMatrixIsAnEndpointOfTheApi() {
        Set<String> endpoints = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getMethodsCondition().getMethods()
                .forEach(method -> mapping.getPatternValues().forEach(pattern -> endpoints.add(method + " " + pattern))));

        for (Row row : rows()) {
            assertThat(endpoints).as(row.process() + "/" + row.step() + " names its /api door").containsAll(row.apiDoors());
        }
    }

    @Test
    void eachStepOfARealRecordIsOwnedByItsRowsRoleAndByNoOtherRole() {
        ServicedProject serviced = new InsuredProjects(context).serviced();
        Map<Role, String> groupOf = new EnumMap<>(Role.class);
        groupOf.put(Role.BUILDER, serviced.builder().group());
        groupOf.put(Role.INSURER, serviced.insurer().group());
        groupOf.put(Role.SERVICE_ORG, serviced.serviceOrg().group());
        groupOf.put(Role.COUNTY, PlatformGroups.county(InsuredProjects.COUNTY));
        groupOf.put(Role.CITY_BUREAU, PlatformGroups.CITY_BUREAU);
        Map<String, Long> recordOf = recordsOf(serviced);

        for (Row row : rows()) {
            Set<String> owning = owners.ownerGroups(row.process(), String.valueOf(recordOf.get(row.process())), row.step());
            assertThat(owning).as(row.process() + "/" + row.step()).containsExactly(groupOf.get(row.owner()));
            groupOf.forEach((role, group) -> {
                if (role != row.owner()) {
                    assertThat(owning).as(row.process() + "/" + row.step() + " is not " + role + "'s").doesNotContain(group);
                }
            });
        }
        assertThat(owners.ownerGroups("hazardRectification", String.valueOf(recordOf.get("hazardRectification")),
                "UserTask_NoSuchStep")).as("an unknown step is owned by nobody").isEmpty();
        assertThat(owners.ownerGroups("hazardRectification", null, "UserTask_Rectify"))
                .as("an instance without our business key is owned by nobody").isEmpty();
    }

    /** One record of each process, all on the same serviced project. */
    private Map<String, Long> recordsOf(ServicedProject serviced) {
        Map<String, Long> records = new HashMap<>();
        records.put("policyUnderwriting", serviced.policy().quotationId());
        records.put("serviceTeamRegistration", serviced.policy().id());
        records.put("preventionServiceVisit",
                visits.ofPolicy(serviced.serviceOrg().actor(), serviced.policy().id()).get(0).id());
        records.put("hazardRectification", hazards.raise(new NewHazard(serviced.project().id(), serviced.policy().id(),
                HazardSource.VISIT, 1L, HazardCategory.SCAFFOLDING, HazardSeverity.GENERAL, "临边防护缺失", "3 号楼 5 层",
                List.of(), "补设防护栏杆", serviced.serviceOrg().id(), serviced.serviceOrg().user())));
        records.put("claimHandling", reportedClaim(serviced));
        long insurerFiling = insurerFilings.list(serviced.insurer().actor(), new PageQuery(0, 10)).items().get(0).id();
        records.put("insurerFiling", insurerFiling);
        String scan = files.store("licence.pdf", "application/pdf",
                ("%PDF-1.4 matrix licence " + insurerFiling).getBytes(StandardCharsets.UTF_8), serviced.insurer().actor()).sha256();
        records.put("insurerLicenseChange", licenseChanges.propose(serviced.insurer().actor(), insurerFiling, new LicenseUpdate(
                new License("BL-MATRIX-" + insurerFiling, LocalDate.now().plusYears(3), scan),
                new License("IL-MATRIX-" + insurerFiling, LocalDate.now().plusYears(3), scan))).id());
        records.put("serviceOrgFiling", serviceOrgFilings.list(serviced.serviceOrg().actor(), null).get(0).id());
        records.put("policyEndorsement", endorsement(serviced));
        records.put("periodicAssessment", 20260401L);
        return records;
    }

    /** A second phase joins the insured contract: its endorsement (N1.1). */
    private long endorsement(ServicedProject serviced) {
        Project project = serviced.project();
        String code = project.code() + "-2";
        Project phase = projects.register(new Actor("doorAccessMatrix", Set.of(PlatformGroups.ADMIN)), new NewProject(code,
                project.name() + "二期", project.siteAddress(), project.jurisdictionCode(), project.category(),
                project.subtype(), project.contractAmount(), project.contractStart(), project.contractEnd(),
                PermitStatus.NONE, project.constructionUnitId(), project.constructionContract().number(), List.of(),
                List.of(), List.of()));
        return endorsements.pendingForProject(phase.id()).orElseThrow().id();
    }

    private long reportedClaim(ServicedProject serviced) {
        Map<String, Object> report = new HashMap<>();
        report.put("policyNumber", serviced.policy().policyNumber());
        // the policy starts today in the business time zone, where an hour ago may still be yesterday
        report.put("accidentAt", OffsetDateTime.now().toString());
        report.put("place", "2号楼东侧脚手架");
        report.put("accidentType", "FALL_FROM_HEIGHT");
        report.put("deaths", 0);
        report.put("injuries", 1);
        report.put("description", "一名工人坠落受伤");
        report.put("reporterName", "李安全");
        report.put("reporterPhone", "13900000000");
        JsonNode claim = http.withBasicAuth(serviced.builder().user(), serviced.builder().user())
                .postForObject("/api/claims", report, JsonNode.class);
        return claim.get("id").asLong();
    }

    static List<Row> rows() {
        try {
            return Files.readAllLines(ProjectFiles.ROOT.resolve("docs/ACCESS.md")).stream()
                    .filter(line -> line.startsWith("| ") && !line.startsWith("| process"))
                    .map(line -> line.split("\\|"))
                    .map(cells -> new Row(cells[1].strip(), cells[2].strip(), cells[3].strip(), role(cells[4].strip()),
                            apiDoors(cells[5])))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> apiDoors(String cell) {
        List<String> doors = new java.util.ArrayList<>();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell);
        while (code.find()) {
            doors.add(code.group(1));
        }
        return doors;
    }

    private static Role role(String groupType) {
        for (Role role : Role.values()) {
            if (role.groupType().equals(groupType)) {
                return role;
            }
        }
        throw new IllegalArgumentException("docs/ACCESS.md names no role " + groupType);
    }

    private static String processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return ((Process) parent).getId();
    }
}

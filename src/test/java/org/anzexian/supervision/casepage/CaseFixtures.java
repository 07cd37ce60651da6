package org.anzexian.supervision.casepage;

import java.util.List;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.files.FileStore;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.DueJobs;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.Processes;
import org.anzexian.support.SampleFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/** Records for case pages made by the real flows: an insured project and hazards raised as a visit raises them. */
final class CaseFixtures {

    /** An insured project and the service organization that verifies its hazards. */
    record Site(InsuredProject insured, Party verifier) {
    }

    final InsuredProjects insuredProjects;
    private final ProcessEngine engine;
    private final HazardService hazards;
    private final FileStore files;

    CaseFixtures(ApplicationContext context) {
        this.insuredProjects = new InsuredProjects(context);
        this.engine = context.getBean(ProcessEngine.class);
        this.hazards = context.getBean(HazardService.class);
        this.files = context.getBean(FileStore.class);
    }

    Site site() {
        return new Site(insuredProjects.insured(), insuredProjects.party(OrganizationType.SERVICE_ORG, InsuredProjects.COUNTY));
    }

    /** As a prevention-service visit raises a hazard it found (N8.8), its process run to the builder's task. */
    long raise(Site site, HazardSeverity severity) {
        String photo = files.store("found.jpg", "image/jpeg", SampleFiles.jpeg(), site.verifier().actor()).sha256();
        long id = hazards.raise(new NewHazard(site.insured().project().id(), site.insured().policy().id(),
                HazardSource.VISIT, 1L, HazardCategory.SCAFFOLDING, severity, "连墙件缺失，架体外倾", "3 号楼东侧外架 12 层",
                List.of(photo), "立即补设连墙件并加固架体", site.verifier().id(), site.verifier().user()));
        DueJobs.run(engine, instance(id));
        return id;
    }

    ProcessInstance instance(long hazardId) {
        return Processes.instance(engine, HazardRectificationProcess.KEY, hazardId);
    }

    Task task(long hazardId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(hazardId))
                .processDefinitionKey(HazardRectificationProcess.KEY).taskDefinitionKey(taskKey).singleResult();
    }
}

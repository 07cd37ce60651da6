package org.anzexian.hazard;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.supervision.archive.ArchiveRecord;
import org.anzexian.supervision.archive.ArchiveSubject;
import org.anzexian.supervision.archive.ServiceArchive;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Hazards and their rectification (N8.8, N8.9). {@link #raise} is the one way in for the modules that
 * find hazards (prevention-service visits, claims' recommendations): it records the hazard, archives the
 * step (N6.4) and starts {@code hazardRectification}, all in the caller's transaction.
 */
@Service
@Validated
public class HazardService {

    private final HazardRepository repository;
    private final ProjectService projects;
    private final ServiceArchive archive;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final Clock clock;

    HazardService(HazardRepository repository, ProjectService projects, ServiceArchive archive, RuntimeService runtime,
            SystemAuthority system, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.archive = archive;
        this.runtime = runtime;
        this.system = system;
        this.clock = clock;
    }

    /**
     * Records a hazard and starts its rectification (message {@value HazardRectificationProcess#MESSAGE_HAZARD_RAISED},
     * business key = hazard id).
     *
     * @return the hazard's id
     */
    @Transactional
    public long raise(@Valid NewHazard hazard) {
        Project project = projects.find(hazard.projectId()).orElse(null);
        if (project == null) {
            new FieldViolations().add("projectId", "项目不存在 (no such project): " + hazard.projectId()).throwIfAny();
        }
        long id = repository.insert(hazard, project.jurisdictionCode(), project.constructionUnitId(),
                OffsetDateTime.now(clock));
        archive.append(new ArchiveRecord(project.id(), ArchiveSubject.HAZARD, id, "HAZARD_RAISED", hazard.raisedBy(),
                hazard.severity().label() + " · " + hazard.category().label() + " · " + hazard.location() + "："
                        + hazard.description(),
                hazard.photos()));
        system.run(() -> runtime.createMessageCorrelation(HazardRectificationProcess.MESSAGE_HAZARD_RAISED)
                .processInstanceBusinessKey(String.valueOf(id))
                .setVariable(HazardRectificationProcess.VAR_HAZARD_ID, id)
                .setVariable(HazardRectificationProcess.VAR_SEVERITY, hazard.severity().name())
                .correlateStartMessage());
        return id;
    }

    /** Whether a major hazard of the project is not closed yet (an input of DMN {@code visitFrequency}). */
    @Transactional(readOnly = true)
    public boolean hasOpenMajorHazard(long projectId) {
        return repository.hasOpenMajor(projectId);
    }
}

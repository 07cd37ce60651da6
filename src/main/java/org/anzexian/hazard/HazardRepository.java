package org.anzexian.hazard;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class HazardRepository {

    private final JdbcClient jdbc;

    HazardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewHazard hazard, String jurisdictionCode, long constructionUnitId, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hazard (project_id, policy_id, jurisdiction_code, construction_unit_id, verifier_org_id,
                    source, source_id, category, severity, description, location, photos, proposed_measure, status,
                    raised_by, raised_at)
                VALUES (:project, :policy, :area, :builder, :verifier, :source, :sourceId, :category, :severity,
                    :description, :location, :photos, :measure, 'OPEN', :by, :at)
                """)
                .param("project", hazard.projectId()).param("policy", hazard.policyId()).param("area", jurisdictionCode)
                .param("builder", constructionUnitId).param("verifier", hazard.verifierOrgId())
                .param("source", hazard.source().name()).param("sourceId", hazard.sourceId())
                .param("category", hazard.category().name()).param("severity", hazard.severity().name())
                .param("description", hazard.description()).param("location", hazard.location())
                .param("photos", String.join(" ", hazard.photos())).param("measure", hazard.proposedMeasure())
                .param("by", hazard.raisedBy()).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean hasOpenMajor(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard WHERE project_id = :project AND severity = 'MAJOR' AND status <> 'CLOSED'")
                .param("project", projectId).query(Long.class).single() > 0;
    }
}

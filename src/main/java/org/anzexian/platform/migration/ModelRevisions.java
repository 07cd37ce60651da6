package org.anzexian.platform.migration;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of model revisions users deploy (#13, table {@code model_revision}): written by the engine's
 * deployment command once the deployment gate has let it through, in the deployment's own transaction, so
 * a revision is live exactly when it is recorded. Read by process owners and the city bureau.
 */
@Repository
public class ModelRevisions {

    private static final int MAX_TEXT = 4000;
    private static final String SEPARATOR = "\n";

    private final JdbcClient jdbc;

    ModelRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new deployment by {@code deployedBy}; called by the engine only. */
    public void record(ModelRevision revision) {
        jdbc.sql("""
                INSERT INTO model_revision (deployment_id, deployment_name, source, why, resource_names, definitions,
                    deployed_by, deployed_at)
                VALUES (:deployment, :name, :source, :why, :resources, :definitions, :by, :at)""")
                .param("deployment", revision.deploymentId()).param("name", clip(revision.deploymentName(), 255))
                .param("source", clip(revision.source(), 255)).param("why", clip(revision.why(), MAX_TEXT))
                .param("resources", clip(String.join(SEPARATOR, revision.resourceNames()), MAX_TEXT))
                .param("definitions", clip(String.join(SEPARATOR, revision.definitions()), MAX_TEXT))
                .param("by", revision.deployedBy()).param("at", revision.deployedAt())
                .update();
    }

    /** The revisions, newest first: process owners, the city bureau and administrators. */
    public PageResult<ModelRevision> list(Actor actor, PageQuery page) {
        return list(actor, ListQuery.of(page.page(), page.size(), null, SORT));
    }

    /** What the revisions may be sorted by: id, deployedAt, deployedBy, source. */
    public static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "id",
            "deployedAt", "deployed_at", "deployedBy", "deployed_by", "source", "source")), "id", "deployedAt", "desc");

    /** The revisions in the asked order. */
    public PageResult<ModelRevision> list(Actor actor, ListQuery page) {
        if (!actor.seesWholeCity() && !actor.isMemberOf(PlatformGroups.PROCESS_OWNERS)) {
            throw new ForbiddenException("只有流程管理员和市住建局可以查看模型修订记录 (process owners and the city bureau only)");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM model_revision").query(Long.class).single();
        List<ModelRevision> items = jdbc.sql("""
                SELECT id, deployment_id, deployment_name, source, why, resource_names, definitions, deployed_by, deployed_at
                FROM model_revision""" + SORT.orderBy(page.sort()) + " LIMIT :size OFFSET :offset")
                .param("size", page.size()).param("offset", page.offset())
                .query((row, n) -> new ModelRevision(row.getLong("id"), row.getString("deployment_id"),
                        row.getString("deployment_name"), row.getString("source"), row.getString("why"),
                        lines(row.getString("resource_names")), lines(row.getString("definitions")),
                        row.getString("deployed_by"), row.getObject("deployed_at", OffsetDateTime.class)))
                .list();
        return page.result(items, total);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(SEPARATOR));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

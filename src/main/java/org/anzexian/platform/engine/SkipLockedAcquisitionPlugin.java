package org.anzexian.platform.engine;

import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL take different due jobs instead of the same ones (#15 goal 3, README "Engine and pool
 * settings"). The engine's job acquisition reads the first due jobs, then locks them with one optimistic update each.
 * Every node reads the same first jobs (by the due-date index), so a node that read them while another held them
 * waited for that node's acquisition to commit, then lost them: in a storm on two nodes of a quarter core each, 23 %
 * of the lock updates found their job taken, and a lock update took 2.5 ms instead of 0.09 ms on one node. On
 * PostgreSQL the acquisition's read here locks the jobs it returns and passes over those another acquisition holds
 * ({@code FOR UPDATE SKIP LOCKED}); what is acquired, and how, is otherwise the engine's own. A job already locked by
 * an execution is not due for acquisition anyway, so nothing waits for one. Switch it off with
 * {@code anzexian.engine.skip-locked-acquisition=false}; other databases keep the engine's read.
 */
@Component
class SkipLockedAcquisitionPlugin extends AbstractProcessEnginePlugin {

    static final String ACQUISITION = "selectNextJobsToExecute";
    static final String SKIP_LOCKED_ACQUISITION = "anzexianSelectNextJobsToExecuteSkipLocked";

    private final boolean enabled;

    SkipLockedAcquisitionPlugin(@Value("${anzexian.engine.skip-locked-acquisition:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled || !DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mappings = configuration.getSqlSessionFactory().getConfiguration();
        MappedStatement acquisition = mappings.getMappedStatement(ACQUISITION);
        mappings.addMappedStatement(skippingLocked(mappings, acquisition));
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // the engine's statement mappings of a database are shared by every engine of this JVM: ours get a copy
        Map<String, String> statements = new HashMap<>();
        if (sessions.getStatementMappings() != null) {
            statements.putAll(sessions.getStatementMappings());
        }
        statements.put(ACQUISITION, SKIP_LOCKED_ACQUISITION);
        sessions.setStatementMappings(statements);
    }

    private static MappedStatement skippingLocked(Configuration mappings, MappedStatement acquisition) {
        SqlSource read = acquisition.getSqlSource();
        SqlSource lockingRead = parameter -> {
            BoundSql bound = read.getBoundSql(parameter);
            BoundSql locking = new BoundSql(mappings, bound.getSql() + " FOR UPDATE SKIP LOCKED",
                    bound.getParameterMappings(), parameter);
            bound.getAdditionalParameters().forEach(locking::setAdditionalParameter);
            return locking;
        };
        return new MappedStatement.Builder(mappings, SKIP_LOCKED_ACQUISITION, lockingRead,
                acquisition.getSqlCommandType())
                .resource(acquisition.getResource())
                .parameterMap(acquisition.getParameterMap())
                .resultMaps(acquisition.getResultMaps())
                .statementType(acquisition.getStatementType())
                .resultSetType(acquisition.getResultSetType())
                .fetchSize(acquisition.getFetchSize())
                .timeout(acquisition.getTimeout())
                .flushCacheRequired(acquisition.isFlushCacheRequired())
                .useCache(acquisition.isUseCache())
                .cache(acquisition.getCache())
                .lang(acquisition.getLang())
                .build();
    }
}

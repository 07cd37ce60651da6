package org.anzexian.platform.engine;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A job that failed because the database connection was lost — the database restarted, failed over or was
 * unreachable for a moment (#15) — is not the job's failure: its transaction rolled back whole, and it will
 * succeed as soon as the database answers again. Camunda's default handling would still count it against the
 * job's retries and wait its model's retry interval ({@code failedJobRetryTimeCycle}, 5–10 minutes here), so
 * a restart of PostgreSQL under load delayed the jobs it met by that interval, marked them failed, and
 * repeated outages could use up their retries into an incident. Such a job is instead tried again after
 * {@code anzexian.engine.connection-loss-retry-delay}, its retries untouched; the failure stays in the job
 * log (history) and the server log. Every other failure keeps Camunda's handling.
 *
 * <p>Connection loss: as {@link ConnectionLoss} tells.
 */
@Component
class ConnectionLossRetryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLossRetryPlugin.class);

    private final Duration retryDelay;

    ConnectionLossRetryPlugin(@Value("${anzexian.engine.connection-loss-retry-delay:PT5S}") Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> ConnectionLoss.in(failure)
                ? new RetryAfterConnectionLoss(jobId, failure, retryDelay)
                : standard.getCommand(jobId, failure));
    }

    /** Unlocks the job, due again after the delay, leaving its retries and its recorded exception as they were. */
    private static final class RetryAfterConnectionLoss extends JobRetryCmd {

        private final Duration delay;

        RetryAfterConnectionLoss(String jobId, Throwable failure, Duration delay) {
            super(jobId, failure);
            this.delay = delay;
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            log.warn("Job {} met a lost database connection ({}); tried again in {} with its retries untouched",
                    jobId, exception.getMessage(), delay);
            job.setDuedate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(delay)));
            job.unlock();
            notifyAcquisition(commandContext);
            return null;
        }
    }
}

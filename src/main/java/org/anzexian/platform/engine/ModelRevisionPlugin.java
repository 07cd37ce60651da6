package org.anzexian.platform.engine;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.anzexian.platform.migration.ModelRevision;
import org.anzexian.platform.migration.ModelRevisions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records every new deployment a user makes (#13): who (the engine's authenticated user), when, why
 * ({@link DeploymentComment}, else the deployment name), the resources and the versions it made live. It
 * sits inside the engine's transaction, after the deployment gate (which refuses before the transaction
 * opens): a refused or failed deployment leaves no record, a recorded one is live. Our own deployment
 * at start-up has no user and is not a revision.
 */
@Component
class ModelRevisionPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ModelRevisions> revisions;

    ModelRevisionPlugin(ObjectProvider<ModelRevisions> revisions) {
        this.revisions = revisions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Recorder(configuration));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private final class Recorder extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Recorder(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (command instanceof DeployCmd && result instanceof DeploymentEntity deployment && deployment.isNew()
                    && user != null) {
                revisions.getObject().record(revision(deployment, user.getUserId()));
            }
            return result;
        }
    }

    static ModelRevision revision(DeploymentEntity deployment, String userId) {
        List<String> definitions = Stream.concat(
                        Optional.ofNullable(deployment.getDeployedProcessDefinitions()).orElse(List.of()).stream(),
                        Optional.ofNullable(deployment.getDeployedDecisionDefinitions()).orElse(List.of()).stream())
                .map(ResourceDefinition.class::cast)
                .map(definition -> definition.getKey() + ":" + definition.getVersion())
                .sorted().toList();
        List<String> resources = deployment.getResources() == null ? List.of()
                : deployment.getResources().keySet().stream().sorted().toList();
        String why = DeploymentComment.current()
                .orElse(deployment.getName() == null ? "" : deployment.getName().strip());
        return new ModelRevision(0, deployment.getId(), deployment.getName(), deployment.getSource(), why, resources,
                definitions, userId, deployment.getDeploymentTime().toInstant().atOffset(ZoneOffset.UTC));
    }
}

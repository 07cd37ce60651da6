package org.anzexian.platform.engine.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.SystemAuthority;
import org.anzexian.platform.engine.DoorRefusal;
import org.anzexian.platform.engine.RefusalResponses;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes the models' way into Java (issue #11, finding 1; DESIGN.md §2a): the engine's expressions see
 * only the {@link ModelBeans} ({@link ModelExpressionManager}), and every deployment a user makes —
 * from the Modeler, {@code /engine-rest}, the webapps — passes the {@link DeploymentGate} before the
 * engine reads it. A refused deployment is a 400 with every reason; nothing of it is deployed, so none
 * of its timers or message starts is ever scheduled. Our own deployment at start-up
 * ({@code ModelDeploymentPlugin}, no user) is not gated; the shipped models pass the gate all the same
 * ({@code DeploymentGateContract}).
 */
@Component
class DeploymentGatePlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGatePlugin.class);

    private final ModelBeans beans;
    private final DeploymentGate gate;

    DeploymentGatePlugin(ModelBeans beans, DeploymentGate gate) {
        this.beans = beans;
        this.gate = gate;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ModelExpressionManager(beans));
        configuration.setBeans(beans.asMap());
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGate(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGate(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    /** After the door guard, which knows who acts; before the engine opens its transaction. */
    private List<CommandInterceptor> withGate(List<CommandInterceptor> existing, ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new Gate(configuration));
        return interceptors;
    }

    private final class Gate extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Gate(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var user = configuration.getIdentityService().getCurrentAuthentication();
            if (command instanceof DeployCmd deploy && user != null && Context.getCommandContext() == null) {
                Map<String, byte[]> resources = resources(builder(deploy));
                // in a command of its own: the DMN engine compiles a table only where the engine's context is
                List<String> reasons = configuration.getCommandExecutorTxRequired()
                        .execute(context -> gate.refusals(resources, configuration.getDmnEngine()));
                if (!reasons.isEmpty()) {
                    log.info("Deployment by {} refused: {}", user.getUserId(), reasons);
                    DoorRefusal.Invalid refusal = DoorRefusal.invalid(reasons);
                    RefusalResponses.remember(refusal);
                    throw refusal;
                }
            }
            return next.execute(command);
        }

        /** The new resources and those taken over from earlier deployments (a redeployment), by name. */
        private Map<String, byte[]> resources(DeploymentBuilderImpl builder) {
            Map<String, byte[]> resources = new LinkedHashMap<>();
            RepositoryService repository = configuration.getRepositoryService();
            new SystemAuthority(configuration.getIdentityService()).run(() -> {
                for (String deploymentId : builder.getDeployments()) {
                    takeOver(repository, deploymentId, resource -> true, resources);
                }
                builder.getDeploymentResourcesById().forEach((deploymentId, ids) ->
                        takeOver(repository, deploymentId, resource -> ids.contains(resource.getId()), resources));
                builder.getDeploymentResourcesByName().forEach((deploymentId, names) ->
                        takeOver(repository, deploymentId, resource -> names.contains(resource.getName()), resources));
            });
            Map<String, ResourceEntity> added = builder.getDeployment().getResources();
            if (added != null) {
                added.forEach((name, resource) -> resources.put(name, resource.getBytes()));
            }
            return resources;
        }
    }

    private static void takeOver(RepositoryService repository, String deploymentId,
            java.util.function.Predicate<Resource> wanted, Map<String, byte[]> into) {
        for (Resource resource : repository.getDeploymentResources(deploymentId)) {
            if (wanted.test(resource)) {
                try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
                    into.put(resource.getName(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static DeploymentBuilderImpl builder(DeployCmd deploy) {
        try {
            Field field = DeployCmd.class.getDeclaredField("deploymentBuilder");
            field.setAccessible(true);
            return (DeploymentBuilderImpl) field.get(deploy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DeployCmd no longer holds its deploymentBuilder", e);
        }
    }
}

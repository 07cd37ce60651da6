package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DoorGuard} in front of every engine command, and gives users {@code TASK_WORK} on
 * the tasks they are candidates for (claim and complete) instead of Camunda's default {@code UPDATE},
 * which would also let them rewrite the task's variables, due date and candidates.
 */
@Component
class DoorGuardPlugin extends AbstractProcessEnginePlugin {

    private final StepOwnerships owners;

    DoorGuardPlugin(StepOwnerships owners) {
        this.owners = owners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionForTask(TaskPermissions.TASK_WORK);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    private List<CommandInterceptor> withGuard(List<CommandInterceptor> existing, ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new DoorGuard(configuration, owners));
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }
}

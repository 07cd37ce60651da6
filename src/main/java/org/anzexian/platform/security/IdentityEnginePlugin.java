package org.anzexian.platform.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.identity.PasswordRules;
import org.anzexian.platform.identity.PasswordRulesProperties;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's identity settings (#11 findings 3 and 4):
 * <ul>
 * <li>Camunda's password policy is on, with {@link PasswordRules}, for every password the engine
 * saves: Admin, Welcome, {@code /engine-rest}, the configured administrator. A refused password is
 * answered with the Chinese rules (the door guard turns the exception into a 400 on the REST doors)
 * instead of the engine's bare "Password does not match policy". With the demo data, start-up
 * seeding without a logged-in user skips the policy (demo logins keep password = id).</li>
 * <li>The engine's own login lock and delay are off: they let anyone lock any account by guessing.
 * Guessing is slowed per source instead ({@link LoginThrottle}).</li>
 * </ul>
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    private final PasswordRules rules;
    private final boolean seedingExempt;

    IdentityEnginePlugin(PasswordRules rules, PasswordRulesProperties properties) {
        this.rules = rules;
        this.seedingExempt = properties.seedingExempt();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(rules);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withPolicyCheck(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withPolicyCheck(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    /** Appended, so the door guard (first in the chain) answers our refusal with its reasons. */
    private List<CommandInterceptor> withPolicyCheck(List<CommandInterceptor> existing,
            ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new PasswordPolicyCheck(configuration));
        return interceptors;
    }

    private final class PasswordPolicyCheck extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl engine;

        PasswordPolicyCheck(ProcessEngineConfigurationImpl engine) {
            this.engine = engine;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            if (command instanceof SaveUserCmd save && engine.isEnablePasswordPolicy()
                    && !Boolean.TRUE.equals(field(SaveUserCmd.class, save, "skipPasswordPolicy"))
                    && field(SaveUserCmd.class, save, "user") instanceof UserEntity user && user.hasNewPassword()) {
                if (seedingExempt && engine.getIdentityService().getCurrentAuthentication() == null) {
                    return next.execute((Command<T>) new SaveUserCmd(user, true));
                }
                rules.requireAcceptable((String) field(UserEntity.class, user, "newPassword"), (User) user);
            }
            return next.execute(command);
        }
    }

    /** The command's own state; {@code PasswordPolicyContract} fails if Camunda renames these fields. */
    static Object field(Class<?> type, Object target, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda changed " + type.getSimpleName() + "." + name, e);
        }
    }
}

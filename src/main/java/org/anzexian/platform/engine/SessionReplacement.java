package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** One of the engine's managers replaced by our subclass of it, for every command. */
final class SessionReplacement {

    private SessionReplacement() {
    }

    /**
     * Registers the subclass under the engine's own session type: the engine adds its factories first and the
     * custom ones after, so this one takes the type's place.
     */
    static void register(ProcessEngineConfigurationImpl configuration, Class<? extends Session> engineType,
            Supplier<? extends Session> replacement) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return engineType;
            }

            @Override
            public Session openSession() {
                return replacement.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}

package org.anzexian.platform.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ForbiddenException;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts in a step of a process (DESIGN.md §2): the one rule every delegate and listener follows.
 * <ul>
 * <li>A person at an engine door (Tasklist, {@code /engine-rest}) acts under the engine's
 * authentication; the door guard has checked that the person's organization owns the step.</li>
 * <li>Our own {@code /api} code checks the person itself and then completes the task as the system
 * through {@link ProcessGateway}, naming the person: that person is who acts.</li>
 * <li>Anything else — a timer, a job, a step our code started — is the system ({@link #SYSTEM}).</li>
 * </ul>
 * Never a process variable and never the task's assignee: both are user input (ADR 0007).
 */
public final class Acting {

    /** Who a step is recorded as done by when no person does it (timers, jobs, our code's own starts). */
    public static final String SYSTEM = "system";

    private static final String LOGIN_REQUIRED = "请登录后办理 (log in to do this step)";

    /** The person our {@code /api} code completes a task for, while {@link ProcessGateway} completes it. */
    private static final ThreadLocal<Actor> FOR_API_CALLER = new ThreadLocal<>();

    private Acting() {
    }

    /** The person acting in this step, if a person does. */
    public static <S extends VariableScope & ProcessEngineServicesAware> Optional<Actor> user(S scope) {
        Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null) {
            List<String> groups = authentication.getGroupIds();
            return Optional.of(new Actor(authentication.getUserId(), groups == null ? Set.of() : Set.copyOf(groups)));
        }
        return Optional.ofNullable(FOR_API_CALLER.get());
    }

    /** The person completing a user task or submitting a start form; refused (403) when nobody is logged in. */
    public static <S extends VariableScope & ProcessEngineServicesAware> Actor requireUser(S scope) {
        return requireUser(scope, LOGIN_REQUIRED);
    }

    /** As {@link #requireUser(VariableScope)}, refused with the given reason. */
    public static <S extends VariableScope & ProcessEngineServicesAware> Actor requireUser(S scope, String refusal) {
        return user(scope).orElseThrow(() -> new ForbiddenException(refusal));
    }

    /**
     * Whether {@link ProcessGateway} is completing a task for an {@code /api} caller right now. The rule
     * for a user task's complete listener (one door per user task, DESIGN.md §2): the {@code /api} path
     * calls the step's service method, which checks, validates and records, and only then completes the
     * task through the gateway — so the listener, the Tasklist's adapter to that same method, has nothing
     * left to do and must not record the step a second time.
     */
    public static boolean completingForApiCaller() {
        return FOR_API_CALLER.get() != null;
    }

    /** Runs {@code work} (an engine call of {@link ProcessGateway}) with {@code actor} as the one who acts. */
    static void forApiCaller(Actor actor, Runnable work) {
        Actor outer = FOR_API_CALLER.get();
        FOR_API_CALLER.set(actor);
        try {
            work.run();
        } finally {
            if (outer == null) {
                FOR_API_CALLER.remove();
            } else {
                FOR_API_CALLER.set(outer);
            }
        }
    }
}

package org.anzexian.platform.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ForbiddenException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 *
 * <p><b>One door per user task:</b> the Tasklist form and {@code /api} end in the same service method.
 * At an engine door the task's complete listener reads the form and calls it. Through {@code /api} the
 * service calls it first and then completes the task with what it recorded
 * ({@link ProcessGateway#completeRecorded}); the listener finds that in {@link #recordedForApi} and
 * records nothing again — it only turns the record into the routing facts the model reads.
 */
public final class Acting {

    /** Who a step is recorded as done by when no person does it (timers, jobs, our code's own starts). */
    public static final String SYSTEM = "system";

    private static final String LOGIN_REQUIRED = "请登录后办理 (log in to do this step)";

    /** The person our {@code /api} code completes a task for, while {@link ProcessGateway} completes it. */
    private static final ThreadLocal<Actor> FOR_API_CALLER = new ThreadLocal<>();

    /**
     * What an {@code /api} caller's service method recorded, and where it goes: the task
     * {@link ProcessGateway#completeRecorded} completes, or the instance {@link ProcessGateway#startRecorded}
     * starts (by its business key).
     */
    private record Recorded(String target, Object step) {
    }

    private static final ThreadLocal<Recorded> RECORDED_FOR_API = new ThreadLocal<>();

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
     * The step the {@code /api} caller's service method recorded before {@link ProcessGateway} completed
     * this task with it; empty at an engine door, where the listener records the step itself.
     */
    public static <T> Optional<T> recordedForApi(DelegateTask task, Class<T> type) {
        return recorded(task.getId(), type);
    }

    /**
     * What the {@code /api} caller's service method recorded before {@link ProcessGateway#startRecorded} started
     * this instance, for the start's first step, which would otherwise read the record back; empty for any other
     * start (the Tasklist's start form, where that step records the report itself).
     */
    public static <T> Optional<T> recordedForApi(DelegateExecution execution, Class<T> type) {
        return execution.getProcessBusinessKey() == null ? Optional.empty()
                : recorded(startOf(execution.getProcessBusinessKey()), type);
    }

    private static <T> Optional<T> recorded(String target, Class<T> type) {
        Recorded recorded = RECORDED_FOR_API.get();
        return recorded == null || !recorded.target().equals(target) || !type.isInstance(recorded.step())
                ? Optional.empty() : Optional.of(type.cast(recorded.step()));
    }

    /** Runs {@code work} (completing task {@code taskId}) with {@code step} as what the /api caller recorded. */
    static void recordedForApi(String taskId, Object step, Runnable work) {
        within(RECORDED_FOR_API, new Recorded(taskId, step), () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code start} (of the instance of {@code businessKey}) with {@code step} as what the /api caller recorded. */
    static <R> R recordedForApiStart(String businessKey, Object step, Supplier<R> start) {
        return within(RECORDED_FOR_API, new Recorded(startOf(businessKey), step), start);
    }

    private static String startOf(String businessKey) {
        return "start of " + businessKey;
    }

    /** Runs {@code work} (an engine call of {@link ProcessGateway}) with {@code actor} as the one who acts. */
    static void forApiCaller(Actor actor, Runnable work) {
        within(FOR_API_CALLER, actor, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} with {@code value} in {@code slot}, restoring what was there (nested calls). */
    private static <T, R> R within(ThreadLocal<T> slot, T value, Supplier<R> work) {
        T outer = slot.get();
        slot.set(value);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                slot.remove();
            } else {
                slot.set(outer);
            }
        }
    }
}

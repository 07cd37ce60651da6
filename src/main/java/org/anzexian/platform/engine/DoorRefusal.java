package org.anzexian.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A user's engine call refused at the door: 400 (the form or request is not acceptable) or 403 (this
 * user's organization does not own the step). The reasons are Chinese sentences meant for the person;
 * {@code RefusalResponses} writes them as the answer of {@code /engine-rest} and the Tasklist's API.
 */
public class DoorRefusal extends ProcessEngineException {

    public static final int INVALID = 400;
    public static final int FORBIDDEN = 403;

    private final int status;
    private final List<String> reasons;

    public DoorRefusal(int status, List<String> reasons) {
        super(String.join("；", reasons));
        this.status = status;
        this.reasons = List.copyOf(reasons);
    }

    public static DoorRefusal invalid(String reason) {
        return new DoorRefusal(INVALID, List.of(reason));
    }

    public static DoorRefusal forbidden(String reason) {
        return new DoorRefusal(FORBIDDEN, List.of(reason));
    }

    public int status() {
        return status;
    }

    public List<String> reasons() {
        return reasons;
    }
}

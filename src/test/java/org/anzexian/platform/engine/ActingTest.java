package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;

/**
 * What an {@code /api} report recorded reaches the first step of the instance started for it, and no other
 * instance (#15: the step no longer reads the claim, its organizations and its project back).
 */
class ActingTest {

    record Recorded(long id) {
    }

    @Test
    void theRecordedStepReachesOnlyTheInstanceStartedForItsRecordWhileItStarts() {
        ExecutionEntity started = instance("42");
        ExecutionEntity another = instance("43");
        ExecutionEntity startForm = instance(null);

        String answer = Acting.recordedForApiStart("42", new Recorded(42), () -> {
            assertThat(Acting.recordedForApi(started, Recorded.class)).contains(new Recorded(42));
            assertThat(Acting.recordedForApi(another, Recorded.class)).isEmpty();
            assertThat(Acting.recordedForApi(startForm, Recorded.class)).isEmpty();
            assertThat(Acting.recordedForApi(started, String.class)).as("another kind of record").isEmpty();
            return "started";
        });

        assertThat(answer).isEqualTo("started");
        assertThat(Acting.recordedForApi(started, Recorded.class)).as("after the start").isEmpty();
    }

    @Test
    void aStartWithinAStartSeesItsOwnRecordAndTheOuterOneIsBackAfterIt() {
        ExecutionEntity outer = instance("1");
        ExecutionEntity inner = instance("2");

        Acting.recordedForApiStart("1", new Recorded(1), () -> {
            Acting.recordedForApiStart("2", new Recorded(2), () -> {
                assertThat(Acting.recordedForApi(inner, Recorded.class)).contains(new Recorded(2));
                return null;
            });
            assertThat(Acting.recordedForApi(outer, Recorded.class)).contains(new Recorded(1));
            return null;
        });
    }

    private static ExecutionEntity instance(String businessKey) {
        ExecutionEntity execution = new ExecutionEntity();
        execution.setProcessInstance(execution);
        execution.setBusinessKey(businessKey);
        return execution;
    }
}

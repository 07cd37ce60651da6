package org.anzexian.platform.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link StepOwnership} bean by its process key; a step of a process without one is owned by nobody. */
@Component
public class StepOwnerships {

    private final ObjectProvider<StepOwnership> beans;
    private volatile Map<String, StepOwnership> byProcess;

    StepOwnerships(ObjectProvider<StepOwnership> beans) {
        this.beans = beans;
    }

    /** The owning groups of a step, or none when the record or the step is unknown. */
    public Set<String> ownerGroups(String processKey, String businessKey, String taskKey) {
        StepOwnership ownership = byProcess().get(processKey);
        if (ownership == null || businessKey == null || !businessKey.chars().allMatch(Character::isDigit)
                || businessKey.isEmpty()) {
            return Set.of();
        }
        return ownership.ownerGroups(Long.parseLong(businessKey), taskKey);
    }

    public Set<String> processKeys() {
        return byProcess().keySet();
    }

    private Map<String, StepOwnership> byProcess() {
        if (byProcess == null) {
            // resolved on first use: the beans need services that need the engine this guard is part of
            List<StepOwnership> all = beans.orderedStream().toList();
            byProcess = all.stream().collect(Collectors.toUnmodifiableMap(StepOwnership::processKey, Function.identity()));
        }
        return byProcess;
    }
}

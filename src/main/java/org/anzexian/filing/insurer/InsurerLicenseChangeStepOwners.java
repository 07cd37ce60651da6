package org.anzexian.filing.insurer;

import java.util.Set;
import org.anzexian.platform.engine.StepOwnership;
import org.anzexian.platform.identity.PlatformGroups;
import org.springframework.stereotype.Component;

/** The city bureau reviews a licence change (#11, N3.1, N3.3); nobody else completes a step of it. */
@Component
class InsurerLicenseChangeStepOwners implements StepOwnership {

    private final LicenseChangeRepository changes;

    InsurerLicenseChangeStepOwners(LicenseChangeRepository changes) {
        this.changes = changes;
    }

    @Override
    public String processKey() {
        return InsurerLicenseChangeProcess.KEY;
    }

    @Override
    public Set<String> ownerGroups(long changeId, String taskKey) {
        return InsurerLicenseChangeProcess.TASK_REVIEW_CHANGE.equals(taskKey) && changes.findById(changeId).isPresent()
                ? Set.of(PlatformGroups.CITY_BUREAU) : Set.of();
    }
}

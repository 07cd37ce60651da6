package org.anzexian.quality.archfixture.alpha;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

class AlphaReadsWhoActs {

    String actor(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user != null ? user.getUserId() : task.getAssignee();
    }
}

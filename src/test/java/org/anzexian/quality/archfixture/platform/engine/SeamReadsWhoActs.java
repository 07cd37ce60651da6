package org.anzexian.quality.archfixture.platform.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

class SeamReadsWhoActs {

    String actor(IdentityService identity) {
        Authentication user = identity.getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}

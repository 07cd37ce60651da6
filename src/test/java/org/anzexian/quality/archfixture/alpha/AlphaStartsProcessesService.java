package org.anzexian.quality.archfixture.alpha;

import org.camunda.bpm.engine.RuntimeService;

class AlphaStartsProcessesService {

    private final RuntimeService runtime;

    AlphaStartsProcessesService(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void open(long recordId) {
        runtime.startProcessInstanceByKey("alphaProcess", String.valueOf(recordId));
    }
}

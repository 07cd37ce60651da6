package org.anzexian.quality.archfixture.alpha;

import org.camunda.bpm.engine.ProcessEngineConfiguration;

class AlphaTunesTheEngine {

    void tune(ProcessEngineConfiguration configuration) {
        configuration.setJobExecutorActivate(false);
    }
}

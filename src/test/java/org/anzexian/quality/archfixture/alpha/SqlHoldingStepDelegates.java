package org.anzexian.quality.archfixture.alpha;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Delegates declared as lambda beans of one configuration class, one of them running SQL itself. */
class SqlHoldingStepDelegates {

    JavaDelegate countingDelegate(JdbcClient jdbc) {
        return execution -> execution.setVariable("count",
                jdbc.sql("select count(*) from registry_organization").query(Integer.class).single());
    }
}

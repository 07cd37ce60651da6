package org.anzexian.platform.tasklist;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * A Tasklist plugin (registered in {@code META-INF/services}) that shows the number of tasks next to every
 * filter, not only the selected one (#12): its script is {@code plugin-webapp/anzexianFilterCounts/app/plugin.js}.
 * No filter property does this: Camunda's Tasklist loads its filters without counts and counts the
 * selected filter's list alone.
 */
public class FilterCountsPlugin extends AbstractTasklistPlugin {

    public static final String ID = "anzexianFilterCounts";

    @Override
    public String getId() {
        return ID;
    }
}

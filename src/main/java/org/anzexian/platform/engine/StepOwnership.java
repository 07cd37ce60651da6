package org.anzexian.platform.engine;

import java.util.Set;

/**
 * Who owns the user tasks of one process, read from business tables (DESIGN.md §2a): the door guard
 * asks it at every completion, so a candidate group that a variable once named never decides who acts.
 * One bean per process key; a process with user tasks and no such bean cannot be worked by anyone.
 */
public interface StepOwnership {

    /** The key of the process whose steps this answers for. */
    String processKey();

    /**
     * The groups whose members may complete step {@code taskKey} of the record {@code recordId} (the
     * process instance's business key, set by our code at start). An unknown step owns nobody.
     */
    Set<String> ownerGroups(long recordId, String taskKey);
}

package org.anzexian.bench;

/** One part of the scale benchmark: measures its figures on the run's stage and reports them with their goals. */
interface BenchPart {

    /** The name by which {@code --only=} selects the part. */
    String name();

    void run(BenchRun run, Report report) throws Exception;
}

package org.anzexian.bench;

/** Placeholder until this part is written (#15). */
final class BusyTasklist implements BenchPart {

    @Override
    public String name() {
        return "tasklist";
    }

    @Override
    public void run(BenchRun run, Report report) {
        throw new UnsupportedOperationException("BusyTasklist is not written yet");
    }
}

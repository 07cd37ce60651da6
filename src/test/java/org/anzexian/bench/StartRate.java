package org.anzexian.bench;

/** Placeholder until this part is written (#15). */
final class StartRate implements BenchPart {

    @Override
    public String name() {
        return "starts";
    }

    @Override
    public void run(BenchRun run, Report report) {
        throw new UnsupportedOperationException("StartRate is not written yet");
    }
}

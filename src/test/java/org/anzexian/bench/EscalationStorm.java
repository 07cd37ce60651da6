package org.anzexian.bench;

/** Placeholder until this part is written (#15). */
final class EscalationStorm implements BenchPart {

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public void run(BenchRun run, Report report) {
        throw new UnsupportedOperationException("EscalationStorm is not written yet");
    }
}

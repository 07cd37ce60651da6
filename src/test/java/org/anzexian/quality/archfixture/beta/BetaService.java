package org.anzexian.quality.archfixture.beta;

public class BetaService {

    private final BetaRepository repository = new BetaRepository();

    public int count() {
        return repository.count() + new org.anzexian.quality.archfixture.beta.internal.BetaInternals().weight();
    }
}

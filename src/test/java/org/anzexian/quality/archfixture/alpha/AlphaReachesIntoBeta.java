package org.anzexian.quality.archfixture.alpha;

import org.anzexian.quality.archfixture.beta.BetaRepository;
import org.anzexian.quality.archfixture.beta.internal.BetaInternals;

class AlphaReachesIntoBeta {

    int count(BetaRepository repository, BetaInternals internals) {
        return repository.count() + internals.weight();
    }
}

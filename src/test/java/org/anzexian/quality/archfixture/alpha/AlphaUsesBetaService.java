package org.anzexian.quality.archfixture.alpha;

import org.anzexian.quality.archfixture.beta.BetaService;

class AlphaUsesBetaService {

    int count(BetaService beta) {
        return beta.count();
    }
}

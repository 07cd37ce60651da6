package org.anzexian.claim;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileAttachingRecords;
import org.springframework.stereotype.Component;

/** A claim's documents hold stored files: whoever may read the claim may read them and attach them again (#11). */
@Component
class ClaimFiles implements FileAttachingRecords {

    static final String RECORD = "claim";

    private final ClaimService claims;

    ClaimFiles(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public void requireReadable(Actor actor, long recordId) {
        claims.get(actor, recordId);
    }
}

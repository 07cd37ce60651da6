package org.anzexian.hazard;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileAttachingRecords;
import org.springframework.stereotype.Component;

/** A hazard's photos and rectification evidence hold stored files: whoever may read the hazard may read them and attach them again (#11). */
@Component
class HazardFiles implements FileAttachingRecords {

    static final String RECORD = "hazard";

    private final HazardService hazards;

    HazardFiles(HazardService hazards) {
        this.hazards = hazards;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public void requireReadable(Actor actor, long recordId) {
        hazards.get(actor, recordId);
    }
}

package org.anzexian.service.visit;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileAttachingRecords;
import org.springframework.stereotype.Component;

/** A visit's report and hazard photos hold stored files: whoever may read the visit may read them and attach them again (#11). */
@Component
class VisitFiles implements FileAttachingRecords {

    static final String RECORD = "visit";

    private final VisitService visits;

    VisitFiles(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public void requireReadable(Actor actor, long recordId) {
        visits.get(actor, recordId);
    }
}

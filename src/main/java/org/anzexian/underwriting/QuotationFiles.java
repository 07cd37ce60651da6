package org.anzexian.underwriting;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileAttachingRecords;
import org.springframework.stereotype.Component;

/** The application documents of a quotation hold stored files: whoever may read the quotation may read them and attach them again (#11). */
@Component
class QuotationFiles implements FileAttachingRecords {

    static final String RECORD = "quotation";

    private final UnderwritingService underwriting;

    QuotationFiles(UnderwritingService underwriting) {
        this.underwriting = underwriting;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public void requireReadable(Actor actor, long recordId) {
        underwriting.get(actor, recordId);
    }
}

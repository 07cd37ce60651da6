package org.anzexian.platform.files;

import org.anzexian.platform.access.Actor;

/**
 * A kind of business record that takes stored files (a hazard, a visit, a claim, a quotation). The
 * parties of a record may read the files attached to it and attach them again elsewhere (#11); the
 * record's own module says who those parties are, through the read check its API already uses.
 */
public interface FileAttachingRecords {

    /** The name under which {@link FileStore#attached} records files of this kind of record. */
    String recordType();

    /**
     * Returns if the actor may read the record.
     *
     * @throws org.anzexian.platform.web.NotFoundException  no such record, or hidden from the actor
     * @throws org.anzexian.platform.web.ForbiddenException the actor may not read it
     */
    void requireReadable(Actor actor, long recordId);
}

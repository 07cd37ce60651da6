-- Who may read and attach a stored file (#11, finding 6).
-- Files belong to the organizations they were uploaded for (#11): the organization (or county authority)
-- groups of each uploader. Their members may read the file and attach it to a record; nobody else may
-- attach it, however they learnt its hash. Files uploaded before this keep their uploaders only.
CREATE TABLE stored_file_owner (
    sha256   VARCHAR(64) NOT NULL REFERENCES stored_file (sha256),
    group_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (sha256, group_id)
);

-- The records that hold a file (a hazard's photos and evidence, a visit's report, a claim's documents, a
-- quotation's application documents): whoever may read such a record may read the file and attach it
-- again. record_type names the kind of record, as its module registered it (FileStore#registerRecords).
CREATE TABLE stored_file_attachment (
    sha256      VARCHAR(64) NOT NULL REFERENCES stored_file (sha256),
    record_type VARCHAR(32) NOT NULL,
    record_id   BIGINT      NOT NULL,
    PRIMARY KEY (sha256, record_type, record_id)
);

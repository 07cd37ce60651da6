-- Files belong to the organizations they were uploaded for (#11): the organization (or county authority)
-- groups of each uploader. Their members may read the file and attach it to a record; nobody else may
-- attach it, however they learnt its hash. Files uploaded before this keep their uploaders only.
CREATE TABLE stored_file_owner (
    sha256   VARCHAR(64) NOT NULL REFERENCES stored_file (sha256),
    group_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (sha256, group_id)
);

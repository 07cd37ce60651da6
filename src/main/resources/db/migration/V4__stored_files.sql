-- File store (#3, DESIGN.md §4): uploaded files (licenses, reports, evidence) kept by their SHA-256.
-- Bytes live in the database (ADR 0005): BYTEA is PostgreSQL's binary type and an accepted alias of
-- BINARY VARYING on H2 2.x, so this runs unchanged on both.
CREATE TABLE stored_file (
    sha256       VARCHAR(64)  PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Everyone who uploaded the same bytes: each of them may read the file back, not only the first.
CREATE TABLE stored_file_uploader (
    sha256      VARCHAR(64) NOT NULL REFERENCES stored_file (sha256),
    user_id     VARCHAR(64) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sha256, user_id)
);

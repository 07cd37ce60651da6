-- #12 journey 4: the accident report carries the site photos taken on the phone (N6.5). The stored
-- files' SHA-256, separated by spaces, like claim_document_round.files; the bytes are in stored_file.
ALTER TABLE claim ADD COLUMN photos VARCHAR(4000);

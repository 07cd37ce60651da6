package org.anzexian.underwriting;

import java.util.List;

/** The documents of an application (N6.1), each a SHA-256 of the file store; the bid-award notice is optional. */
public record Application(String contractHash, String bidAwardHash, String applicationFormHash,
        List<String> enterpriseHashes) {

    public Application {
        enterpriseHashes = List.copyOf(enterpriseHashes);
    }
}

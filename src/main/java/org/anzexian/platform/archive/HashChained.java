package org.anzexian.platform.archive;

/** An entry of an append-only hash chain (DESIGN.md §4): its place in the chain and the hashes that link it. */
interface HashChained {

    long seq();

    String previousHash();

    String entryHash();
}

package org.anzexian.platform.archive;

/**
 * Whether a project's archive chain is whole: every entry's hash matches its content and links to the
 * entry before it, numbered without gaps. {@code firstBrokenSeq} names where it breaks, if it does.
 */
public record ArchiveVerification(boolean intact, int entries, Long firstBrokenSeq, String reason) {
}

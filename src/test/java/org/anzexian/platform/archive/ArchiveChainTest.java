package org.anzexian.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain check itself, on entries built in memory: any change to a stored entry is detected (N6.4). */
class ArchiveChainTest {

    private final OffsetDateTime at = OffsetDateTime.parse("2026-11-28T10:00:00+08:00");

    @Test
    void anUntouchedChainIsIntact() {
        assertThat(ServiceArchive.verify(chain(3))).isEqualTo(new ArchiveVerification(true, 3, null, null));
    }

    @Test
    void anAlteredDetailIsFoundAtItsEntry() {
        List<ArchiveEntry> chain = chain(3);
        ArchiveEntry second = chain.get(1);
        chain.set(1, new ArchiveEntry(second.id(), second.projectId(), second.seq(), second.subject(), second.subjectId(),
                second.event(), second.actor(), "已整改（改写）", second.files(), second.recordedAt(), second.previousHash(),
                second.entryHash()));

        ArchiveVerification verification = ServiceArchive.verify(chain);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void aRemovedEntryIsFound() {
        List<ArchiveEntry> chain = chain(3);
        chain.remove(1);

        ArchiveVerification verification = ServiceArchive.verify(chain);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void aRehashedAlteredEntryStillBreaksTheLinkOfTheNext() {
        List<ArchiveEntry> chain = chain(3);
        ArchiveEntry first = chain.get(0);
        ArchiveEntry forged = entry(first.seq(), "伪造", first.previousHash());
        chain.set(0, forged);

        ArchiveVerification verification = ServiceArchive.verify(chain);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
    }

    private List<ArchiveEntry> chain(int length) {
        List<ArchiveEntry> chain = new ArrayList<>();
        String previous = ServiceArchive.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            ArchiveEntry entry = entry(seq, "第" + seq + "步", previous);
            chain.add(entry);
            previous = entry.entryHash();
        }
        return chain;
    }

    private ArchiveEntry entry(long seq, String detail, String previousHash) {
        ArchiveEntry unsealed = new ArchiveEntry(seq, 1, seq, ArchiveSubject.HAZARD, 9, "STEP", "tester", detail,
                List.of(), at.plusMinutes(seq), previousHash, "");
        return new ArchiveEntry(seq, 1, seq, ArchiveSubject.HAZARD, 9, "STEP", "tester", detail, List.of(),
                at.plusMinutes(seq), previousHash, ServiceArchive.hash(unsealed));
    }
}

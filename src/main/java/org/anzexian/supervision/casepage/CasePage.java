package org.anzexian.supervision.casepage;

import java.util.List;

/**
 * What a case page shows (#14): the record's facts with links to related case pages, its documents, the
 * open tasks of its processes and who holds them, and its timeline (archive and engine history).
 */
public record CasePage(CaseKind kind, long id, String title, String subtitle, List<Fact> facts, List<Link> related,
        List<Document> documents, List<TaskRow> tasks, List<TimelineEntry> timeline) {

    /** A fact of the record; {@code href} leads to a related case page, or is null. */
    public record Fact(String label, String value, String href) {

        public static Fact of(String label, String value) {
            return new Fact(label, value, null);
        }
    }

    /** A related record: {@code 保单 · PICC-2026-0001}. */
    public record Link(String kind, String text, String href) {
    }

    /** An uploaded file and the /api address that downloads it for whoever may see the record. */
    public record Document(String name, String note, String href) {
    }

    /** An open task: who holds it (organization in Chinese, or the person who claimed it), when due, its Tasklist link. */
    public record TaskRow(String name, String process, String holder, String created, String due, boolean overdue,
            String tasklistHref) {
    }

    /** One line of the timeline; {@code source} is 服务档案 or 流程. */
    public record TimelineEntry(String time, String source, String label, String detail, String who) {
    }
}

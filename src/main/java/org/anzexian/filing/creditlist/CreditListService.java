package org.anzexian.filing.creditlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.creditlist.CreditListPreview.Outcome;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dishonesty and bad-conduct lists the city bureau maintains (N3.7, N7.3). Filings ask
 * {@link #entriesFor}; the bureau imports CSV exports of the national lists. An import is all or
 * nothing and, in the same transaction, lets the filing modules suspend newly listed organizations
 * ({@link CreditListImported}).
 */
@Service
public class CreditListService {

    private final CreditListRepository repository;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditListService(CreditListRepository repository, OrganizationService organizations,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The entries of an organization on the given lists (all lists when {@code types} is empty),
     * listed on or after a date ({@code null}: any time), newest first.
     */
    @Transactional(readOnly = true)
    public List<CreditListEntry> entriesFor(String creditCode, Set<CreditListType> types, LocalDate listedOnOrAfter) {
        if (creditCode == null || creditCode.isBlank()) {
            return List.of();
        }
        return repository.find(creditCode, types, listedOnOrAfter, 0, Integer.MAX_VALUE);
    }

    /** Imports a CSV file ({@value CreditListCsv#HEADER}); a bad line refuses the whole file. */
    @Transactional
    public CreditListImport importCsv(Actor actor, String csv) {
        requireBureau(actor);
        List<CreditListRow> rows = CreditListCsv.parse(csv, LocalDate.now(clock));
        List<Outcome> outcomes = outcomes(rows);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long batchId = repository.insertImport(actor.userId(), now, rows.size());
        Map<CreditListType, Integer> byType = new EnumMap<>(CreditListType.class);
        Set<String> listed = new LinkedHashSet<>();
        int imported = 0;
        for (int i = 0; i < rows.size(); i++) {
            CreditListRow row = rows.get(i);
            if (outcomes.get(i) != Outcome.ADD) {
                continue;
            }
            repository.insertEntry(batchId, row);
            byType.merge(row.type(), 1, Integer::sum);
            listed.add(row.creditCode());
            imported++;
        }
        events.publishEvent(new CreditListImported(batchId, listed));
        return new CreditListImport(batchId, rows.size(), imported, rows.size() - imported, byType, actor.userId(), now);
    }

    /**
     * What {@link #importCsv} would do with this file, without writing anything (#14): the outcome of
     * each good line, every problem, and a fingerprint of both.
     */
    @Transactional(readOnly = true)
    public CreditListPreview preview(Actor actor, String csv) {
        requireBureau(actor);
        CreditListCsv.Reading reading = CreditListCsv.read(csv, LocalDate.now(clock));
        List<CreditListRow> rows = reading.rows().stream().map(CreditListCsv.NumberedRow::row).toList();
        List<Outcome> outcomes = outcomes(rows);
        List<CreditListPreview.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CreditListRow row = rows.get(i);
            lines.add(new CreditListPreview.Line(reading.rows().get(i).line(), row.type(), row.creditCode(), row.name(),
                    row.listedOn(), row.reason(), row.source(), outcomes.get(i),
                    organizations.findByCreditCode(row.creditCode()).map(Organization::name).orElse(null)));
        }
        String fileHash = sha256(csv);
        StringBuilder fingerprint = new StringBuilder(fileHash);
        lines.forEach(line -> fingerprint.append('|').append(line.lineNumber()).append(':').append(line.outcome()));
        reading.problems().forEach(problem -> fingerprint.append('|').append(problem.field()).append(':')
                .append(problem.message()));
        return new CreditListPreview(fileHash, lines, reading.problems(), sha256(fingerprint.toString()));
    }

    /**
     * Imports the file of a preview the bureau confirmed, only if importing it now does exactly what that
     * preview showed (same file, same outcome of every line); otherwise nothing is written and the bureau
     * has to look at the new preview.
     */
    @Transactional
    public CreditListImport importPreviewed(Actor actor, String csv, String previewFingerprint) {
        CreditListPreview now = preview(actor, csv);
        if (!now.fingerprint().equals(previewFingerprint)) {
            throw new ConflictException("fingerprint", "预览之后文件或信用名单已有变化，本次未导入任何内容；请核对新的预览后再确认"
                    + " (the file or the list changed since the preview; nothing imported)");
        }
        return importCsv(actor, csv);
    }

    /** Which rows an import adds: not repeated earlier in the file and not on the list already. */
    private List<Outcome> outcomes(List<CreditListRow> rows) {
        Set<String> seen = new HashSet<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (CreditListRow row : rows) {
            String key = row.type() + "/" + row.creditCode() + "/" + row.listedOn();
            outcomes.add(!seen.add(key) ? Outcome.REPEATED_IN_FILE
                    : repository.exists(row.type(), row.creditCode(), row.listedOn()) ? Outcome.ALREADY_LISTED
                    : Outcome.ADD);
        }
        return outcomes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Transactional(readOnly = true)
    public PageResult<CreditListEntry> list(Actor actor, String creditCode, CreditListType type, ListQuery list) {
        requireBureau(actor);
        Set<CreditListType> types = type == null ? Set.of() : Set.of(type);
        String code = creditCode == null || creditCode.isBlank() ? null : creditCode.strip();
        return list.result(repository.find(code, types, null, list.sort(), list.offset(), list.size()),
                repository.count(code, types, null));
    }

    /** What the credit list may be sorted by: id, listedOn, name, creditCode, type, importedAt. */
    public static SortFields sortFields() {
        return CreditListRepository.SORT;
    }

    private static void requireBureau(Actor actor) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException("只有市住建局或系统管理员可以查看和导入信用名单"
                    + " (only the city bureau or an administrator may read or import the credit lists)");
        }
    }
}

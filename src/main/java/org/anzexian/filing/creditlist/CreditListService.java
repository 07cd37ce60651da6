package org.anzexian.filing.creditlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.platform.web.SortFields;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditListService(CreditListRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
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
        OffsetDateTime now = OffsetDateTime.now(clock);
        long batchId = repository.insertImport(actor.userId(), now, rows.size());
        Map<CreditListType, Integer> byType = new EnumMap<>(CreditListType.class);
        Set<String> listed = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        int imported = 0;
        for (CreditListRow row : rows) {
            String key = row.type() + "/" + row.creditCode() + "/" + row.listedOn();
            if (!seen.add(key) || repository.exists(row.type(), row.creditCode(), row.listedOn())) {
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

package org.anzexian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sort} parameter of every list (#14): a whitelist mapped to SQL, the id last, refusals in Chinese. */
class SortFieldsTest {

    private static final SortFields HAZARDS = SortFields.of(new LinkedHashMap<>(Map.of("id", "id",
            "deadline", "deadline_at", "severity", "severity")), "id", "deadline", "asc");

    @Test
    void withoutSortTheListsDefaultAppliesWithTheIdLast() {
        assertThat(HAZARDS.orderBy(HAZARDS.parse(null))).isEqualTo(" ORDER BY deadline_at ASC NULLS LAST, id ASC");
        assertThat(HAZARDS.parse(List.of(" ")).param()).isEqualTo("deadline,asc");
    }

    @Test
    void repeatedAndChainedParametersGiveTheSameOrder() {
        SortQuery repeated = HAZARDS.parse(List.of("severity,desc", "deadline"));
        SortQuery chained = HAZARDS.parse(List.of("severity", "desc", "deadline", "asc"));
        assertThat(repeated).isEqualTo(chained);
        assertThat(HAZARDS.orderBy(repeated))
                .isEqualTo(" ORDER BY severity DESC NULLS LAST, deadline_at ASC NULLS LAST, id DESC");
        assertThat(HAZARDS.orderBy(HAZARDS.parse(List.of("id,desc")))).isEqualTo(" ORDER BY id DESC NULLS LAST");
    }

    @Test
    void anUnknownFieldOrDirectionIsRefusedNamingTheAllowedFields() {
        for (List<String> bad : List.of(List.of("description,asc"), List.of("id,sideways"), List.of("desc"),
                List.of("id;DROP TABLE hazard"), List.of("deadline_at"))) {
            assertThatThrownBy(() -> HAZARDS.parse(bad)).as(bad.toString())
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(refusal -> {
                        ApiError.FieldMessage message = ((InvalidRequestException) refusal).fieldErrors().get(0);
                        assertThat(message.field()).isEqualTo("sort");
                        assertThat(message.message()).contains("可排序的字段", "deadline", "severity", "asc 或 desc");
                    });
        }
    }

    @Test
    void aListReadWholeIsSortedAndCutTheSameWay() {
        record Row(long id, String name) {
        }
        MemorySort<Row> sort = MemorySort.byId(Row::id, "name", "asc").by("name", Row::name);
        List<Row> rows = new ArrayList<>(List.of(new Row(3, "b"), new Row(1, "a"), new Row(2, "b"), new Row(4, null)));

        PageResult<Row> first = sort.page(rows, 0, 2, null);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(Row::id).containsExactly(1L, 2L);
        assertThat(sort.page(rows, 1, 2, null).items()).extracting(Row::id).containsExactly(3L, 4L);
        assertThat(sort.page(rows, 0, 10, List.of("name,desc")).items()).extracting(Row::id)
                .containsExactly(3L, 2L, 1L, 4L);
        assertThatThrownBy(() -> sort.page(rows, 0, 10, List.of("salary"))).isInstanceOf(InvalidRequestException.class);
    }
}

package org.anzexian.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anzexian.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** An export beyond {@code anzexian.export.max-rows} is refused with a Chinese request to narrow the filter (#14). */
class ExportPropertiesTest {

    @Test
    void moreRowsThanTheCapAreRefusedUpToTheCapPass() {
        ExportProperties capped = new ExportProperties(2);
        assertThatThrownBy(() -> capped.checkRows(3)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("超过导出上限 2 条").hasMessageContaining("请缩小筛选范围");
        assertThatCode(() -> capped.checkRows(2)).doesNotThrowAnyException();
        assertThat(new ExportProperties(null).maxRows()).isEqualTo(50_000);
    }
}

package org.anzexian.platform.export;

import org.anzexian.platform.web.InvalidRequestException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anzexian.export.*}: an Excel export of a list holds at most {@code max-rows} rows (default 50000);
 * beyond that the user is asked to narrow the filter.
 */
@ConfigurationProperties(prefix = "anzexian.export")
public record ExportProperties(Integer maxRows) {

    public ExportProperties {
        maxRows = maxRows == null ? 50_000 : maxRows;
    }

    /** Refuses (400) an export of {@code total} rows above the cap. */
    public void checkRows(long total) {
        if (total > maxRows) {
            throw new InvalidRequestException("filter", "符合条件的有 " + total + " 条，超过导出上限 " + maxRows
                    + " 条，请缩小筛选范围 (too many rows to export, narrow the filter)");
        }
    }
}

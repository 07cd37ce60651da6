package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.anzexian.registry.project.Project;
import org.springframework.web.util.HtmlUtils;

/** The printable quotation letter (N4.4): plain HTML with print styles. */
final class QuotationLetterPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private QuotationLetterPage() {
    }

    static String render(Quotation quotation, Project project, String insurerName, String buyerName) {
        StringBuilder rows = new StringBuilder();
        row(rows, "项目名称", project.name());
        row(rows, "项目地址", project.siteAddress());
        row(rows, "工程类别", project.category().label() + " / " + project.subtype().label());
        row(rows, "合同工期", DAY.format(project.constructionContract().start()) + " 至 "
                + DAY.format(project.constructionContract().end()));
        row(rows, "合同金额（元）", money(project.constructionContract().amount()));
        row(rows, "保险方案", quotation.insurancePlan());
        row(rows, "保险费率", quotation.premiumRatePermille().stripTrailingZeros().toPlainString() + "‰");
        row(rows, "保费（元）", money(quotation.premium()) + "（合同金额 × 费率）");
        row(rows, "每人伤亡责任限额（元）", money(quotation.deathDisabilityLimit()));
        row(rows, "累计责任限额（元）", money(quotation.totalLimit()));
        row(rows, "事故预防服务方案", quotation.preventionPlan());
        row(rows, "事故预防服务费用占保费比例", quotation.preventionFeePercent().stripTrailingZeros().toPlainString() + "%");
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8"><title>安全生产责任保险报价函 %d</title>
                <style>
                body { font-family: "SimSun", "Songti SC", serif; margin: 2em auto; max-width: 48em; }
                h1 { text-align: center; font-size: 1.6em; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { border: 1px solid #333; padding: .4em .6em; text-align: left; vertical-align: top; }
                th { width: 14em; background: #f2f2f2; }
                @media print { body { margin: 0; } th { background: none; } .no-print { display: none; } }
                </style></head><body>
                <h1>建筑施工安全生产责任保险报价函</h1>
                <p>致：%s</p>
                <p>报价编号：%d　出具日期：%s</p>
                <table>%s</table>
                <p>报价单位：%s</p>
                <p class="no-print"><button onclick="window.print()">打印</button></p>
                </body></html>
                """.formatted(quotation.id(), escape(buyerName), quotation.id(),
                quotation.issuedAt() == null ? "" : DAY.format(quotation.issuedAt()), rows, escape(insurerName));
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : String.format("%,.2f", amount);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>");
    }
}

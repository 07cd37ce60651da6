package org.anzexian.underwriting;

import static org.anzexian.underwriting.QuotationRequestProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of {@code processes/quotationRequest.bpmn}: one bean per model element. */
@Configuration
class QuotationRequestDelegates {

    /**
     * {@code ServiceTask_RequestQuotations}: turns the start form into a {@link NewQuotationRequest} of the
     * starting user and hands it to {@link UnderwritingService#requestQuotations}, which does every check.
     */
    @Bean
    JavaDelegate quotationRequestRequestQuotationsDelegate(UnderwritingService underwriting, ProjectService projects,
            CaseSummaries summaries) {
        return execution -> {
            Actor actor = Acting.requireUser(execution, "请登录后申请报价 (log in to ask for quotations)");
            String projectCode = FormValues.text(execution.getVariables(), VAR_PROJECT_CODE);
            if (projectCode == null) {
                throw new InvalidRequestException(VAR_PROJECT_CODE, "必须填写项目编号 (project code required)");
            }
            Project project = projects.getByCode(actor, projectCode);
            long projectId = project.id();
            QuotationRequestResult result = underwriting.requestQuotations(actor,
                    new NewQuotationRequest(projectId,
                            insurerIds(FormValues.text(execution.getVariables(), VAR_INSURER_ORG_IDS))));
            execution.setVariable(VAR_REQUEST_ID, result.requestId());
            execution.setVariable(VAR_QUOTATION_IDS,
                    result.quotations().stream().map(q -> String.valueOf(q.id())).collect(Collectors.joining(",")));
            execution.setProcessBusinessKey(String.valueOf(result.requestId()));
            execution.setVariable(VAR_CASE_SUMMARY, summaries.of(project, "向 " + result.quotations().size() + " 家保险机构询价"));
        };
    }

    private static List<Long> insurerIds(String text) {
        List<String> tokens = text == null ? List.of()
                : Arrays.stream(text.split("[\\s,，;；]+")).filter(token -> !token.isEmpty()).toList();
        if (tokens.isEmpty()) {
            throw new InvalidRequestException(VAR_INSURER_ORG_IDS, "至少选择一家保险机构 (choose at least one insurer)");
        }
        try {
            return tokens.stream().map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(VAR_INSURER_ORG_IDS,
                    "保险机构编号须为数字，多个以逗号分隔 (insurer ids are numbers separated by commas): " + text);
        }
    }
}

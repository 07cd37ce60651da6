package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The refusal names a field of the filing form as the clerk sees it, a row's field with its row number (#12). */
class InsurerFilingFormFieldsTest {

    @Test
    void aFieldIsNamedByItsLabelWhetherTheFormReaderOrTheFilingsRulesFoundTheProblem() {
        assertThat(InsurerFilingFormFields.label("businessLicenseValidUntil")).isEqualTo("营业执照有效期至");
        assertThat(InsurerFilingFormFields.label("businessLicense.validUntil")).isEqualTo("营业执照有效期至");
        assertThat(InsurerFilingFormFields.label("claimsService.plan.text")).isEqualTo("承保理赔服务方案");
        assertThat(InsurerFilingFormFields.label("unknownField")).isEqualTo("unknownField");
    }

    @Test
    void aRowsFieldIsNamedWithItsRowTheSameFromItsVariableAndFromItsPath() {
        assertThat(InsurerFilingFormFields.label("lead2YearsOfWork")).isEqualTo("项目负责人 2 工作年限（年）");
        assertThat(InsurerFilingFormFields.label("projectLeads[1].yearsOfWork")).isEqualTo("项目负责人 2 工作年限（年）");
        assertThat(InsurerFilingFormFields.label("lead3ProofFile")).isEqualTo("项目负责人 3 年限证明文件");
        assertThat(InsurerFilingFormFields.label("projectLeads[2].proofHash")).isEqualTo("项目负责人 3 年限证明文件");
        assertThat(InsurerFilingFormFields.label("manager1Position")).isEqualTo("管理团队成员 1 职务");
        assertThat(InsurerFilingFormFields.label("managementTeam[0].position")).isEqualTo("管理团队成员 1 职务");
        assertThat(InsurerFilingFormFields.label("claimsService.claimsTeam[4].phone")).isEqualTo("理赔人员 5 电话");
        assertThat(InsurerFilingFormFields.label("claimsService.claimsTeam")).isEqualTo("理赔人员");
        assertThat(InsurerFilingFormFields.label("projectLeads")).isEqualTo("项目负责人");
    }

    @Test
    void theRowsSubmittedDecideWhatIsTakenAsUploadAndWhatLeavesTheProcess() {
        Set<String> submitted = Set.of("parentName", "lead1Name", "lead2ProofKept", "lead3ProofFile", "manager2Phone",
                "claimsMember1Name", "filingId", "correctionDecision");

        assertThat(InsurerFilingFormFields.files(submitted)).contains("businessLicenseFile", "lead1ProofFile",
                "lead2ProofFile", "lead3ProofFile").doesNotContain("lead4ProofFile");
        assertThat(InsurerFilingFormFields.entered(submitted)).contains("parentName", "auditor", "lead1Name",
                "lead2ProofKept", "manager2Phone", "claimsMember1Name")
                .doesNotContain("lead3ProofFile", "filingId", "correctionDecision");
    }
}

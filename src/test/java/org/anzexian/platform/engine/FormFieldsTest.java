package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.anzexian.support.ProjectFiles;
import org.junit.jupiter.api.Test;

/** What a form declares, read from the real forms the way the door guard reads them (#10, ADR 0007). */
class FormFieldsTest {

    @Test
    void aCamundaFormDeclaresItsKeysWithLabelsAndItsReadOnlyFieldsAsShown() throws IOException {
        // the former forms/claimDecision.form (#12 made it an embedded form)
        FormFields form = FormFields.ofCamundaForm("""
                {"components": [
                  {"type": "text", "text": "### 理赔核定"},
                  {"type": "number", "key": "claimId", "label": "报案编号", "readonly": true},
                  {"type": "checkbox", "key": "covered", "label": "予以赔付"},
                  {"type": "textarea", "key": "payeeLines", "label": "核定金额（每行一人：姓名,金额）"},
                  {"type": "textarea", "key": "decisionReason", "label": "理由或说明（不予赔付时必填）"}
                ]}""".getBytes(StandardCharsets.UTF_8));

        assertThat(form.editable()).contains("covered", "payeeLines", "decisionReason").doesNotContain("claimId");
        assertThat(form.shown()).containsExactly("claimId");
        assertThat(form.labelOf("payeeLines")).contains("核定金额（每行一人：姓名,金额）");
        assertThat(form.labelOf("payeeLines[1]")).as("an item of a list field").contains("核定金额（每行一人：姓名,金额）");
        assertThat(form.declares("insurerGroup")).isFalse();
    }

    @Test
    void anEmbeddedFormDeclaresItsInputsAndCreatedVariablesAndShowsWhatItFetches() throws IOException {
        FormFields rectification = FormFields.ofEmbeddedForm(
                Files.readAllBytes(ProjectFiles.FORMS.resolve("hazardRectification.html")));
        FormFields quotation = FormFields.ofEmbeddedForm(
                Files.readAllBytes(ProjectFiles.FORMS.resolve("quotationRequestStart.html")));
        FormFields visit = FormFields.ofEmbeddedForm(Files.readAllBytes(ProjectFiles.FORMS.resolve("visitRecord.html")));

        assertThat(rectification.editable()).contains("evidenceDescription", "evidencePhoto1").doesNotContain("hazardId");
        assertThat(rectification.shown()).containsExactly("hazardId");
        assertThat(quotation.editable()).contains("projectCode", "insurerOrgIds");
        assertThat(visit.labelOf("arrivedAt")).contains("到场时间");
        assertThat(visit.labelOf("verifierGroup")).isEmpty();
    }

    /** #12: repeatable rows declare their variables once; any row number is the form's, other names are not. */
    @Test
    void anEmbeddedFormsRowsDeclareTheirVariablesForEveryRowNumber() throws IOException {
        FormFields report = FormFields.ofEmbeddedForm(Files.readAllBytes(ProjectFiles.FORMS.resolve("visitReport.html")));

        assertThat(report.isEditable("reportFile")).isTrue();
        assertThat(report.isEditable("hazard1Severity")).isTrue();
        assertThat(report.isEditable("hazard7Photo3")).as("a row beyond the former six").isTrue();
        assertThat(report.isEditable("hazard123Description")).isTrue();
        assertThat(report.declares("hazard7Measure")).isTrue();
        assertThat(report.isEditable("hazard0Severity")).as("rows count from 1").isFalse();
        assertThat(report.isEditable("hazard7Photo4")).as("three photos per row").isFalse();
        assertThat(report.isEditable("hazardXSeverity")).isFalse();
        assertThat(report.isEditable("hazard7SeverityX")).isFalse();
        assertThat(report.isEditable("visitRef")).as("fetched to show, not typed").isFalse();
        assertThat(report.editable()).doesNotContain("hazard1Severity");
    }

    /** #12: display fields became {@code readonly} for Camunda's form linter; both stay unchangeable at the door. */
    @Test
    void aReadonlyFieldIsShownLikeADisabledOneAndOnlyAFieldWithoutEitherIsEditable() {
        FormFields form = FormFields.ofCamundaForm("""
                {"components": [
                  {"type": "textfield", "key": "readonlyField", "readonly": true},
                  {"type": "textfield", "key": "disabledField", "disabled": true},
                  {"type": "textfield", "key": "notReadonly", "readonly": false},
                  {"type": "textfield", "key": "typed"}
                ]}""".getBytes(StandardCharsets.UTF_8));

        assertThat(form.shown()).containsExactlyInAnyOrder("readonlyField", "disabledField");
        assertThat(form.editable()).containsExactlyInAnyOrder("notReadonly", "typed");
    }
}

package org.anzexian.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;

/**
 * Reads the forms of a deployment once: Camunda Forms by their id, embedded forms by resource name.
 * A deployment never changes, so its forms are cached by deployment id for the life of the node.
 */
class DeployedForms {

    private static final String EMBEDDED_DEPLOYMENT = "embedded:deployment:";

    private final RepositoryService repository;
    private final Map<String, Map<String, FormFields>> byDeployment = new ConcurrentHashMap<>();

    DeployedForms(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * The fields of the form a task or start event names ({@code formRef} or {@code formKey}) within
     * the deployment of its process definition; empty when it names none we can read.
     */
    Optional<FormFields> fields(String deploymentId, CamundaFormRef formRef, String formKey) {
        Map<String, FormFields> forms = byDeployment.computeIfAbsent(deploymentId, this::read);
        if (formRef != null && formRef.getKey() != null) {
            return Optional.ofNullable(forms.get("ref:" + formRef.getKey()));
        }
        if (formKey != null && formKey.startsWith(EMBEDDED_DEPLOYMENT)) {
            return Optional.ofNullable(forms.get("res:" + formKey.substring(EMBEDDED_DEPLOYMENT.length())));
        }
        return Optional.empty();
    }

    private Map<String, FormFields> read(String deploymentId) {
        Map<String, FormFields> forms = new HashMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                byte[] json = bytes(deploymentId, name);
                String id = FormFields.camundaFormId(json);
                if (id != null) {
                    forms.put("ref:" + id, FormFields.ofCamundaForm(json));
                }
            } else if (name.endsWith(".html")) {
                forms.put("res:" + name, FormFields.ofEmbeddedForm(bytes(deploymentId, name)));
            }
        }
        return forms;
    }

    private byte[] bytes(String deploymentId, String name) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.anzexian.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * Files an embedded Tasklist form uploaded ({@code cam-variable-type="File"}, DESIGN.md §7): the bytes
 * move into the {@link FileStore} in the completing transaction and leave the process, which keeps at
 * most the hash.
 */
@Component
public class FormUploads {

    private final FileStore files;

    FormUploads(FileStore files) {
        this.files = files;
    }

    /**
     * Stores the file of form variable {@code variable}, if one was uploaded, and removes the variable.
     * The Tasklist posts an input left empty as a nameless empty file: that counts as none. The file
     * meets the checks of {@code /api/files}; a refusal names the form field.
     *
     * @return the stored file's SHA-256
     */
    public Optional<String> take(VariableScope scope, String variable, Actor uploader) {
        Optional<String> stored = Optional.empty();
        if (scope.getVariableTyped(variable) instanceof FileValue file && file.getValue() != null) {
            byte[] content = read(file);
            boolean named = file.getFilename() != null && !file.getFilename().isBlank();
            if (content.length > 0 || named) {
                stored = Optional.of(store(variable, file, content, uploader));
            }
        }
        scope.removeVariable(variable);
        return stored;
    }

    /**
     * Stores the files of every form variable of {@code variables} that was uploaded; a refused file is a
     * problem of its field in {@code form}, so that the person learns it with every other problem at once.
     *
     * @return the stored files' SHA-256 by form variable
     */
    public Map<String, String> takeAll(VariableScope scope, List<String> variables, Actor uploader, FormValues form) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String variable : variables) {
            try {
                take(scope, variable, uploader).ifPresent(hash -> hashes.put(variable, hash));
            } catch (InvalidRequestException refused) {
                refused.fieldErrors().forEach(error -> form.problem(variable, error.message()));
            }
        }
        return hashes;
    }

    private String store(String variable, FileValue file, byte[] content, Actor uploader) {
        try {
            return files.store(file.getFilename(), file.getMimeType(), content, uploader).sha256();
        } catch (InvalidRequestException refused) {
            throw new InvalidRequestException(refused.fieldErrors().stream()
                    .map(error -> new ApiError.FieldMessage(variable, error.message())).toList());
        }
    }

    private static byte[] read(FileValue file) {
        try (InputStream content = file.getValue()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file.getFilename(), e);
        }
    }
}

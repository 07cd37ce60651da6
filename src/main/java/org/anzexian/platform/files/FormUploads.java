package org.anzexian.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
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
     * The Tasklist posts an input left empty as a nameless empty file: that counts as none.
     *
     * @return the stored file's SHA-256
     */
    public Optional<String> take(VariableScope scope, String variable, String uploadedBy) {
        Optional<String> stored = Optional.empty();
        if (scope.getVariableTyped(variable) instanceof FileValue file && file.getValue() != null) {
            byte[] content = read(file);
            boolean named = file.getFilename() != null && !file.getFilename().isBlank();
            if (content.length > 0 || named) {
                stored = Optional.of(files.store(file.getFilename(), file.getMimeType(), content, uploadedBy).sha256());
            }
        }
        scope.removeVariable(variable);
        return stored;
    }

    private static byte[] read(FileValue file) {
        try (InputStream content = file.getValue()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file.getFilename(), e);
        }
    }
}

package org.anzexian.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a JSON request body may not contain, refused while it is read (#11, finding 7), so the answer is a
 * 400 naming the field ({@link ApiExceptionHandler}) instead of a 500 from deeper down: a NUL character
 * in a text (PostgreSQL cannot store it) and {@code null} as an element of a list or map (every list of
 * ours holds values; a null one would fail the service with a NullPointerException).
 */
@Configuration
class StrictJsonInput {

    static final String NUL_CHARACTER = "含有 NUL 控制字符 (contains a NUL character)";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInputCustomizer() {
        return builder -> builder
                .deserializerByType(String.class, new NoNulStrings())
                .postConfigurer(mapper -> mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
    }

    private static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, NUL_CHARACTER);
            }
            return value;
        }
    }
}

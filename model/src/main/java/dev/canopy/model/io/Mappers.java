package dev.canopy.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The configured Jackson mappers for Canopy's formats: strict on input (unknown fields,
 * duplicate keys, numbers where integers belong and nulls for primitives are errors), ISO-8601
 * instants, absent optionals left out on output. Mappers are thread-safe once built.
 */
public final class Mappers {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build()));

    private Mappers() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /** The JSON mapper (canonical encoding). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The YAML mapper (accepted on input with the same structure). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** Pretty-printed JSON output for files people read. */
    public static ObjectWriter prettyJson() {
        return JSON.writerWithDefaultPrettyPrinter();
    }
}

package io.jenkins.plugins.xcatha.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <root>/<name>.json}: what a backup holds, written last, so that its presence marks the backup
 * complete. The next run compares row counts with it, and retention removes only directories that have it
 * (with this {@link #SCHEMA} marker), never anything another tool put under the backup root.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupMetadata(
        @JsonProperty("schema") String schema,
        @JsonProperty("name") String name,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("host") String host,
        @JsonProperty("xcatVersion") String xcatVersion,
        @JsonProperty("dbEngine") String dbEngine,
        @JsonProperty("allTables") boolean allTables,
        @JsonProperty("nativeBackup") boolean nativeBackup,
        @JsonProperty("useBypass") boolean useBypass,
        @JsonProperty("files") int files,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("rows") Map<String, Integer> rows) {

    public static final String SCHEMA = "xcat-ha/db-backup/v1";
    /** How the marker appears in the compact JSON; the node-side listing greps for it. */
    static final String SCHEMA_MARKER = "\"schema\":\"" + SCHEMA + "\"";
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    public BackupMetadata {
        rows = rows == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write backup metadata", e);
        }
    }

    /** Reads metadata; a file without our schema marker is not ours and yields an exception. */
    public static BackupMetadata fromJson(String json) throws IOException {
        BackupMetadata m = JSON.readValue(json, BackupMetadata.class);
        if (!SCHEMA.equals(m.schema())) {
            throw new IOException("not db-backup metadata (schema " + m.schema() + ")");
        }
        return m;
    }
}

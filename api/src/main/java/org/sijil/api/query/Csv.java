package org.sijil.api.query;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 4180 CSV of a list of records: a header of component names, then one line per record. */
final class Csv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private Csv() {
    }

    static ResponseEntity<String> of(Class<? extends Record> type, List<? extends Record> rows, String filename) {
        RecordComponent[] components = type.getRecordComponents();
        StringBuilder out = new StringBuilder();
        out.append(Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(",")))
                .append("\r\n");
        for (Record row : rows) {
            out.append(Arrays.stream(components).map(c -> field(value(c, row))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unreadable record component " + component.getName(), e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

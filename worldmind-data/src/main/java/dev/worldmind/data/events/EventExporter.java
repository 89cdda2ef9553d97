package dev.worldmind.data.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.internal.Jdbc;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes events one at a time in an export format; closing it flushes the stream, not closes. */
abstract class EventExporter implements AutoCloseable {
    private static final CsvMapper CSV =
            CsvMapper.builder()
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    // Quote a value only when it needs it, however long (not every long value).
                    .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .build();
    private static final CsvSchema CSV_SCHEMA =
            CsvSchema.builder()
                    .addColumn("id")
                    .addColumn("at")
                    .addColumn("account_id")
                    .addColumn("username")
                    .addColumn("space")
                    .addColumn("kind")
                    .addColumn("payload")
                    .build();
    private static final byte[] CSV_HEADER =
            "id,at,account_id,username,space,kind,payload\n".getBytes(StandardCharsets.UTF_8);
    private static final ObjectWriter JSON_LINE =
            Json.mapper()
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    final BufferedOutputStream out;

    private EventExporter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    static EventExporter of(ExportFormat format, OutputStream out) throws IOException {
        return format == ExportFormat.CSV ? new Csv(out) : new JsonLines(out);
    }

    abstract void write(BehaviourEvent event) throws IOException;

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private static final class Csv extends EventExporter {
        private final SequenceWriter rows;

        Csv(OutputStream out) throws IOException {
            super(out);
            // The header is written here so that an export without rows still has it.
            this.out.write(CSV_HEADER);
            rows = CSV.writer(CSV_SCHEMA).writeValues(this.out);
        }

        @Override
        void write(BehaviourEvent e) throws IOException {
            rows.write(
                    new Object[] {
                        e.id(),
                        e.at().toString(),
                        e.accountId(),
                        e.username(),
                        e.space(),
                        e.kind().value(),
                        Jdbc.json(e.payload())
                    });
        }

        @Override
        public void close() throws IOException {
            rows.close();
            super.close();
        }
    }

    private static final class JsonLines extends EventExporter {
        JsonLines(OutputStream out) {
            super(out);
        }

        @Override
        void write(BehaviourEvent event) throws IOException {
            JSON_LINE.writeValue(out, event);
            out.write('\n');
        }
    }
}

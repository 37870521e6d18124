package io.itinera.gateway.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup format: gzipped JSON lines, a header line naming the topics and their partition counts, then one line per
 * record (bytes as Base64). Line-oriented so that an export of any size streams in and out without holding it whole.
 */
final class BackupFile {

    static final String FORMAT = "itinera-topic-backup";
    static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a backup holds: when it was taken and each topic's partition count. */
    record Header(String format, int version, Instant exportedAt, Map<String, Integer> partitions) {}

    private BackupFile() {}

    /** Writes the header, then whatever the producer of records hands to the sink, in order. */
    static void write(Path file, Header header, Consumer<Consumer<BackupRecord>> records) {
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            writeLine(out, header);
            records.accept(record -> writeLine(out, record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Header readHeader(Path file) {
        try (BufferedReader in = open(file)) {
            return header(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads every record after the header, in the order they were written. */
    static void read(Path file, Consumer<BackupRecord> sink) {
        try (BufferedReader in = open(file)) {
            header(in, file);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    sink.accept(JSON.readValue(line, BackupRecord.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Header header(BufferedReader in, Path file) throws IOException {
        String first = in.readLine();
        Header header = first == null ? null : JSON.readValue(first, Header.class);
        if (header == null || !FORMAT.equals(header.format()) || header.version() != VERSION) {
            throw new IllegalArgumentException(file + " is not an " + FORMAT + " version " + VERSION + " file");
        }
        return header;
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }

    private static void writeLine(BufferedWriter out, Object value) {
        try {
            out.write(JSON.writeValueAsString(value));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

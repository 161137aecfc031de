package io.oriole.triage.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads UTF-8 CSV files with a header naming the columns {@code text} and {@code label} (any order,
 * other columns ignored). Fields may be quoted; a quoted field may hold commas, line breaks and
 * doubled quotes (the field {@code say "hi"} is written {@code "say ""hi"""}). Every problem is reported as one line naming the
 * file and the line.
 */
public final class LabelledCsv {

    /** A problem with an input file, worded for the command line. */
    public static final class CsvException extends Exception {
        public CsvException(String message) {
            super(message);
        }
    }

    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file) throws CsvException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CsvException(file + ": cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), bytes);
    }

    /** Parses an uploaded file; {@code name} is how errors refer to it. */
    public static List<LabelledText> parse(String name, byte[] bytes) throws CsvException {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvException(name + ": not valid UTF-8");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<Record> records = records(name, content);
        if (records.isEmpty()) {
            throw new CsvException(name + ": file is empty");
        }
        List<String> header = records.get(0).fields();
        int text = column(header, "text", name);
        int label = column(header, "label", name);
        List<LabelledText> out = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().size() < header.size()) {
                throw new CsvException(name + " line " + r.line() + ": expected " + header.size() + " fields, found "
                        + r.fields().size());
            }
            String l = r.fields().get(label).strip();
            if (l.isEmpty()) {
                throw new CsvException(name + " line " + r.line() + ": empty label");
            }
            out.add(new LabelledText(r.fields().get(text).strip(), l));
        }
        if (out.isEmpty()) {
            throw new CsvException(name + ": no examples after the header");
        }
        return out;
    }

    private static int column(List<String> header, String column, String file) throws CsvException {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        throw new CsvException(file + " line 1: missing column '" + column + "'");
    }

    private record Record(int line, List<String> fields) {
    }

    private static List<Record> records(String file, String s) throws CsvException {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean blank = true;
        int quoteLine = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.toString().isBlank() && !fieldWasQuoted) {
                        field.setLength(0);
                        quoted = true;
                        fieldWasQuoted = true;
                        quoteLine = line;
                        blank = false;
                    } else {
                        throw new CsvException(file + " line " + line + ": unexpected quote inside an unquoted field");
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                    blank = false;
                }
                case '\r' -> {
                    // CRLF and lone CR end the record like LF; a following LF is skipped below.
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        continue;
                    }
                    blank = endRecord(records, fields, field, recordLine, blank);
                    fieldWasQuoted = false;
                    recordLine = ++line;
                }
                case '\n' -> {
                    blank = endRecord(records, fields, field, recordLine, blank);
                    fieldWasQuoted = false;
                    recordLine = ++line;
                }
                default -> {
                    if (fieldWasQuoted && !Character.isWhitespace(c)) {
                        throw new CsvException(file + " line " + line + ": text after a closing quote");
                    }
                    if (!fieldWasQuoted) {
                        field.append(c);
                    }
                    if (!Character.isWhitespace(c)) {
                        blank = false;
                    }
                }
            }
        }
        if (quoted) {
            throw new CsvException(file + " line " + quoteLine + ": unterminated quoted field");
        }
        endRecord(records, fields, field, recordLine, blank);
        return records;
    }

    /** Adds the record unless the line was blank; returns the blank flag for the next record. */
    private static boolean endRecord(List<Record> records, List<String> fields, StringBuilder field, int line,
            boolean blank) {
        if (!blank || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        return true;
    }
}

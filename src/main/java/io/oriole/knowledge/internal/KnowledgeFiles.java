package io.oriole.knowledge.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.InvalidEntryException;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.triage.Language;

/**
 * The two exchange formats of the knowledge base.
 * <ul>
 * <li>CSV (UTF-8, RFC 4180 quoting), header {@code id,title,phrasings,category,language,tags,status,body};
 * phrasings separated by {@code |}, tags by {@code ;}; an empty id creates an entry, a known id updates it. A cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is written
 * with a leading {@code '}, which spreadsheets show as text and the import removes again (see
 * {@link #neutralised}).</li>
 * <li>A Markdown folder as a zip: one {@code <category>/<id>-entry.md} per entry, a front matter block between
 * {@code ---} lines ({@code id}, {@code title}, {@code category}, {@code language}, {@code tags},
 * {@code status}, then {@code - } phrasing lines under {@code phrasings:}) followed by the answer. The folder is
 * the category made safe as one path segment: never {@code .} or {@code ..}, so unzipping cannot write outside the
 * export's folder; the category itself is read back from the front matter.</li>
 * </ul>
 */
public final class KnowledgeFiles {

    static final List<String> CSV_HEADER = List.of("id", "title", "phrasings", "category", "language", "tags",
            "status", "body");

    /** What a spreadsheet runs as a formula, after any apostrophes: {@code = + - @}, a tab or a carriage return. */
    private static final Pattern FORMULA_LIKE = Pattern.compile("(?s)'*[=+\\-@\t\r].*");

    /** A cell {@link #neutralised} prefixed: one apostrophe or more before a formula character. */
    private static final Pattern NEUTRALISED = Pattern.compile("(?s)'+[=+\\-@\t\r].*");

    /** A parsed row: the id to update (null to create) and the content. */
    public record Row(Long id, EntryDraft draft) {
    }

    private KnowledgeFiles() {
    }

    public static byte[] toCsv(List<KnowledgeEntry> entries) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", CSV_HEADER)).append("\r\n");
        for (KnowledgeEntry e : entries) {
            List<String> fields = List.of(Long.toString(e.id()), e.title(), String.join(" | ", e.phrasings()),
                    e.category(), e.language().code(), String.join(";", e.tags()), e.status().name(), e.body());
            out.append(String.join(",", fields.stream().map(f -> quote(neutralised(f))).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws InvalidEntryException naming the line and field of the first bad row */
    public static List<Row> fromCsv(byte[] bytes) {
        String text = utf8(bytes, "file");
        List<List<String>> records = parseCsv(text);
        if (records.isEmpty()) {
            throw new InvalidEntryException("file", "is empty; expected the header " + String.join(",", CSV_HEADER));
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new LinkedHashMap<>();
        for (String name : CSV_HEADER) {
            int i = header.indexOf(name);
            if (i < 0 && !name.equals("id") && !name.equals("status") && !name.equals("tags")
                    && !name.equals("phrasings")) {
                throw new InvalidEntryException("file", "line 1: header must name the column " + name);
            }
            col.put(name, i);
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < records.size(); n++) {
            List<String> r = records.get(n);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != header.size()) {
                throw new InvalidEntryException("file", "line " + (n + 1) + ": expected " + header.size()
                        + " fields, found " + r.size());
            }
            String idText = get(r, col, "id");
            Long id;
            try {
                id = idText.isBlank() ? null : Long.parseLong(idText.strip());
            }
            catch (NumberFormatException e) {
                throw new InvalidEntryException("id", "line " + (n + 1) + ": must be a number or empty");
            }
            EntryDraft draft = new EntryDraft(get(r, col, "title"), get(r, col, "body"),
                    Arrays.asList(get(r, col, "phrasings").split("\\|")), get(r, col, "category"),
                    language(get(r, col, "language"), n + 1), Arrays.asList(get(r, col, "tags").split(";")),
                    status(get(r, col, "status"), n + 1));
            validateAt(draft, "line " + (n + 1));
            rows.add(new Row(id, draft));
        }
        return rows;
    }

    public static byte[] toMarkdownZip(List<KnowledgeEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (KnowledgeEntry e : entries) {
                zip.putNextEntry(new ZipEntry(folder(e.category()) + "/" + e.id() + "-entry.md"));
                zip.write(toMarkdown(e).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String toMarkdown(KnowledgeEntry e) {
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: ").append(e.id()).append('\n');
        md.append("title: ").append(e.title()).append('\n');
        md.append("category: ").append(e.category()).append('\n');
        md.append("language: ").append(e.language().code()).append('\n');
        md.append("tags: ").append(String.join(", ", e.tags())).append('\n');
        md.append("status: ").append(e.status().name()).append('\n');
        md.append("phrasings:\n");
        e.phrasings().forEach(p -> md.append("  - ").append(p).append('\n'));
        md.append("---\n\n").append(e.body().strip()).append('\n');
        return md.toString();
    }

    /** @throws InvalidEntryException naming the file and field of the first bad entry */
    public static List<Row> fromMarkdownZip(byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry z;
            boolean any = false;
            while ((z = zip.getNextEntry()) != null) {
                any = true;
                if (z.isDirectory() || !z.getName().endsWith(".md")) {
                    continue;
                }
                rows.add(fromMarkdown(z.getName(), utf8(zip.readNBytes(EntryDraft.MAX_BODY * 4 + 10_000),
                        z.getName())));
            }
            if (!any) {
                throw new InvalidEntryException("file", "is not a zip of Markdown files");
            }
        }
        catch (IOException e) {
            throw new InvalidEntryException("file", "is not a readable zip (" + e.getMessage() + ")");
        }
        return rows;
    }

    static Row fromMarkdown(String name, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new InvalidEntryException("file", name + ": must start with a --- front matter block");
        }
        int end = t.indexOf("\n---", 4);
        if (end < 0) {
            throw new InvalidEntryException("file", name + ": front matter is not closed with ---");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> phrasings = new ArrayList<>();
        for (String line : t.substring(4, end).split("\n")) {
            if (line.stripLeading().startsWith("- ")) {
                phrasings.add(line.stripLeading().substring(2).strip());
            }
            else if (line.contains(":")) {
                int c = line.indexOf(':');
                meta.put(line.substring(0, c).strip().toLowerCase(Locale.ROOT), line.substring(c + 1).strip());
            }
        }
        String body = t.substring(t.indexOf('\n', end + 1) + 1).strip();
        Long id;
        try {
            String idText = meta.getOrDefault("id", "");
            id = idText.isBlank() ? null : Long.parseLong(idText);
        }
        catch (NumberFormatException e) {
            throw new InvalidEntryException("id", name + ": must be a number or empty");
        }
        EntryDraft draft = new EntryDraft(meta.get("title"), body, phrasings, meta.get("category"),
                language(meta.getOrDefault("language", ""), 0), Arrays.asList(meta.getOrDefault("tags", "").split(",")),
                status(meta.getOrDefault("status", ""), 0));
        validateAt(draft, name);
        return new Row(id, draft);
    }

    private static void validateAt(EntryDraft draft, String where) {
        try {
            draft.validate();
        }
        catch (InvalidEntryException e) {
            throw new InvalidEntryException(e.field(), where + ": " + e.getMessage().substring(e.field().length() + 1));
        }
    }

    private static Language language(String code, int line) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> Language.ZH;
            case "en" -> Language.EN;
            default -> throw new InvalidEntryException("language", (line > 0 ? "line " + line + ": " : "")
                    + "must be zh or en");
        };
    }

    private static EntryStatus status(String s, int line) {
        if (s.isBlank()) {
            return EntryStatus.PUBLISHED;
        }
        try {
            return EntryStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidEntryException("status", (line > 0 ? "line " + line + ": " : "")
                    + "must be DRAFT or PUBLISHED");
        }
    }

    /**
     * A cell as written to the CSV: prefixed with {@code '} when a spreadsheet would otherwise read it as a formula
     * (OWASP's CSV injection), or when it already starts with apostrophes before such a character, so that
     * {@link #restored} gives back exactly the text that was exported. {@code =1+1} is written {@code '=1+1},
     * {@code '=1+1} is written {@code ''=1+1}, {@code 'quoted'} stays as it is.
     */
    static String neutralised(String cell) {
        return FORMULA_LIKE.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** The text of an imported cell: one leading {@code '} removed where {@link #neutralised} would have added it. */
    static String restored(String cell) {
        return NEUTRALISED.matcher(cell).matches() ? cell.substring(1) : cell;
    }

    private static String folder(String category) {
        // Pieces made only of dots ("." and "..") would climb out of the folder the zip is unpacked into, and
        // Windows drops a folder name's trailing dots: neither survives.
        String f = Arrays.stream(category.split("[\\\\/:*?\"<>|\\s\\p{Cntrl}]+"))
                .filter(piece -> !piece.matches("\\.*")).collect(java.util.stream.Collectors.joining("-"))
                .replaceAll("^\\.+|\\.+$", "");
        if (f.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?")) {
            f = "_" + f; // device names Windows will not create as folders
        }
        return f.isBlank() ? "general" : f;
    }

    private static String get(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i < 0 ? "" : restored(row.get(i));
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
        catch (CharacterCodingException e) {
            throw new InvalidEntryException("file", what + " is not UTF-8 text");
        }
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"' && field.length() == 0) {
                quoted = true;
            }
            else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            }
            else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new InvalidEntryException("file", "line " + (records.size() + 1) + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}

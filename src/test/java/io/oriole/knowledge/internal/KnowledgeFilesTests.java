package io.oriole.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LabelledCsvTests {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        String csv = "\uFEFFid,label,text\r\n1,greet,\"hello, \"\"friend\"\"\"\r\n2,help,\"line one\nline two\"\r\n\r\n";
        assertThat(LabelledCsv.parse("upload.csv", csv.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new LabelledText("hello, \"friend\"", "greet"), new LabelledText("line one\nline two", "help"));
    }

    @Test
    void errorsNameTheLineWhereTheRecordStarts() {
        String csv = "text,label\n\"two\nlines\",a\nno label here\n";
        assertThatExceptionOfType(LabelledCsv.CsvException.class)
                .isThrownBy(() -> LabelledCsv.parse("upload.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .withMessage("upload.csv line 4: expected 2 fields, found 1");
    }
}

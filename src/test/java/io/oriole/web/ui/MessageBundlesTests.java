package io.oriole.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MessageBundlesTests {

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        Properties en = load("i18n/messages.properties");
        Properties zh = load("i18n/messages_zh_CN.properties");

        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        zh.forEach((key, value) -> assertThat((String) value).as("zh-CN %s", key).isNotBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

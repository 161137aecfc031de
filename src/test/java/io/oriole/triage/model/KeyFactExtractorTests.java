package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.triage.Amount;
import io.oriole.triage.KeyFacts;

class KeyFactExtractorTests {

    private final KeyFactExtractor extractor = new KeyFactExtractor(List.of("AirPods Pro", "AirPods", "小米手环8", "Model X"));

    @Test
    void chineseMessageGivesOrderNumberAmountAndPhone() {
        KeyFacts facts = extractor.extract("订单号：20240518123456，退款¥199.50还没到，电话13812345678");
        assertThat(facts.orderNumbers()).containsExactly("20240518123456");
        assertThat(facts.amounts()).containsExactly(new Amount(new BigDecimal("199.50"), "CNY"));
        assertThat(facts.phoneNumbers()).containsExactly("13812345678");
    }

    @Test
    void englishMessageGivesEmailInternationalPhoneAndDollars() {
        KeyFacts facts = extractor.extract("Order #A12-99812 cost $1,299.00, reach me at jo.lee@example.com or +44 20 7946 0958");
        assertThat(facts.orderNumbers()).containsExactly("A12-99812");
        assertThat(facts.amounts()).containsExactly(new Amount(new BigDecimal("1299.00"), "USD"));
        assertThat(facts.emails()).containsExactly("jo.lee@example.com");
        assertThat(facts.phoneNumbers()).containsExactly("+44 20 7946 0958");
    }

    @Test
    void amountsWithCurrencyWordsAreNormalised() {
        KeyFacts facts = extractor.extract("多扣了我300元，另外还有 50 USD 和 RMB 20");
        assertThat(facts.amounts()).extracting(Amount::toString).containsExactlyInAnyOrder("300 CNY", "50 USD", "20 CNY");
    }

    @Test
    void catalogueProductsMatchLongestNameAsWholeWords() {
        assertThat(extractor.extract("my AirPods Pro left bud is silent").products()).containsExactly("AirPods Pro");
        assertThat(extractor.extract("我的小米手环8充不进电").products()).containsExactly("小米手环8");
        assertThat(extractor.extract("the Model XL is not ours").products()).isEmpty();
    }

    @Test
    void phoneNumberIsNotTakenForAnOrder() {
        KeyFacts facts = extractor.extract("call 13812345678 please");
        assertThat(facts.orderNumbers()).isEmpty();
        assertThat(facts.phoneNumbers()).containsExactly("13812345678");
    }
}

package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseDatesTest {
    private static LocalDate only(String raw) {
        var found = ChineseDates.findAll(Normalizer.norm(raw));
        assertThat(found).as(raw).hasSize(1);
        return found.get(0).date();
    }

    @Test
    void numericForms() {
        assertThat(only("发布日期: 2022.02.21")).isEqualTo(LocalDate.of(2022, 2, 21));
        assertThat(only("发布时间: 2018-02-11")).isEqualTo(LocalDate.of(2018, 2, 11));
        assertThat(only("2022年1月24日")).isEqualTo(LocalDate.of(2022, 1, 24));
        assertThat(only("２０２３年３月１日")).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(only("2022 年 1 2 月 31 日")).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void chineseNumerals() {
        assertThat(only("二○一二年二月二十日")).isEqualTo(LocalDate.of(2012, 2, 20));
        assertThat(only("二〇二二年十二月三十一日")).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(only("二零二一年一月九日")).isEqualTo(LocalDate.of(2021, 1, 9));
    }

    @Test
    void impossibleDatesAreNotDates() {
        assertThat(ChineseDates.findAll(Normalizer.norm("2022年2月30日"))).isEmpty();
    }
}

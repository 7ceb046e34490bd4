package io.jenkins.plugins.xcatha.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.Test;

public class StatsTest {
    @Test
    public void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.of(List.of(9, 1, 5)).median(), is(5.0));
    }

    @Test
    public void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(List.of(4, 1, 3, 100)).median(), is(3.5));
    }

    @Test
    public void describeShowsMedianCountAndRange() {
        assertThat(Stats.of(List.of(12, 10, 11)).describe("ms", 0), is("11 ms (n=3, 10–12)"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAnEmptySeries() {
        Stats.of(List.of());
    }
}

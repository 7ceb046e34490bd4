package io.jenkins.plugins.xcatha.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: the median is what the results quote, min and max show the spread. */
final class Stats {
    private final List<Double> values;

    Stats(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        this.values = List.copyOf(sorted);
    }

    static Stats of(List<? extends Number> values) {
        List<Double> d = new ArrayList<>();
        for (Number n : values) {
            d.add(n.doubleValue());
        }
        return new Stats(d);
    }

    double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    double min() {
        return values.get(0);
    }

    double max() {
        return values.get(values.size() - 1);
    }

    int count() {
        return values.size();
    }

    List<Double> values() {
        return values;
    }

    /** "412 ms (n=5, 398–430)" with the given unit and decimals. */
    String describe(String unit, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " %s (n=%d, " + f + "–" + f + ")", median(), unit, count(), min(), max());
    }
}

package dev.apiquery.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a benchmark's measured rounds (robust to one round disturbed by the machine). */
final class Medians {
  private Medians() {}

  static double of(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}

package dev.apiquery.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The median of a benchmark's measured rounds (robust to one round disturbed by the machine). */
final class Medians {
  private Medians() {}

  static double of(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Per role, the median of the rounds' cores. */
  static Map<ThreadCpu.Role, Double> ofRoles(List<Map<ThreadCpu.Role, Double>> runs) {
    Map<ThreadCpu.Role, Double> out = new EnumMap<>(ThreadCpu.Role.class);
    for (ThreadCpu.Role role : ThreadCpu.Role.values()) {
      List<Double> values = new ArrayList<>();
      for (Map<ThreadCpu.Role, Double> run : runs) {
        values.add(run.getOrDefault(role, 0.0));
      }
      out.put(role, of(values));
    }
    return out;
  }

  /** The rounds' values, two decimals each, for the report. */
  static String twoDigits(List<Double> values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
    }
    return sb.toString();
  }
}

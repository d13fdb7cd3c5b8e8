package dev.apiquery.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one page: the rows as they are read, which row path each run of rows came from, and
 * the document values, which may come before or after the rows and are copied onto them only
 * when the document has ended.
 */
final class PageBuilder {
  private final ReadPlan plan;
  private final Object[] docValues;
  private final ValueSink docSink;
  private final List<Object[]> rows = new ArrayList<>();
  /** Runs of rows: the first row's index and the document columns to copy onto the run. */
  private final List<Run> runs = new ArrayList<>();

  private record Run(int from, int[] documentColumns) {}

  PageBuilder(ReadPlan plan) {
    this.plan = plan;
    this.docValues = new Object[plan.slotCount()];
    this.docSink = new ValueSink.Slots(docValues);
  }

  /** Where document-level values go. */
  ValueSink documentSink() {
    return docSink;
  }

  /** The rows read from now on belong to a row location with these document columns. */
  void startRows(int[] documentColumns) {
    if (runs.isEmpty() || runs.get(runs.size() - 1).documentColumns() != documentColumns) {
      runs.add(new Run(rows.size(), documentColumns));
    }
  }

  void add(Object[] row) {
    rows.add(row);
  }

  void addAll(List<Object[]> more) {
    rows.addAll(more);
  }

  /**
   * Adds the top-level object as the only row (discovered rows, none found): relative columns
   * were read at the root as candidates, absolute ones as document values.
   */
  void addDocumentAsRow() {
    int n = plan.columnCount();
    Object[] row = new Object[n];
    for (int c = 0; c < n; c++) {
      row[c] = plan.columns().get(c).isAbsolute() ? docValues[c] : docValues[plan.candidateSlot(c)];
    }
    rows.add(row);
  }

  Page finish() {
    for (int r = 0; r < runs.size(); r++) {
      int to = r + 1 < runs.size() ? runs.get(r + 1).from() : rows.size();
      for (int c : runs.get(r).documentColumns()) {
        Object value = docValues[c];
        for (int i = runs.get(r).from(); i < to; i++) {
          rows.get(i)[c] = value;
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> keys = plan.documentKeys();
    for (int k = 0; k < keys.size(); k++) {
      values.put(keys.get(k), docValues[plan.columnCount() + k]);
    }
    return new Page(rows, values);
  }
}

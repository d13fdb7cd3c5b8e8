package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.CallTracker;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.ValueConverter;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.script.Item;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.scan.ChainRun;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of one set of input values: the table's script run as the executor runs it
 * ({@link ChainRun}), plus the input values its rows echo.
 */
final class RequestChain {
  private final ChainRun run;
  /** Per input of the table: the value used, converted to the input's type; null when unset. */
  private final Object[] inputValues;
  /** This chain's {@code _row} values and the spec's range over them. */
  private final ChainPositions positions;
  private final ChainInputs chainInputs;

  /**
   * @param window the rows this chain must deliver, so the row call can start later or ask for less
   * @param speculationCap rows beyond which no page is fetched ahead of demand; -1 for none
   * @param dryRun build the first requests without sending anything (EXPLAIN)
   */
  RequestChain(ScanPlan plan, ChainInputs chainInputs, ScanWindow window, long speculationCap,
      CallTracker tracker, boolean dryRun) throws SQLException {
    TableDef def = plan.table.definition();
    this.chainInputs = chainInputs;
    this.positions = new ChainPositions(plan.spec.rowRange());
    List<InputDef> missing = new ArrayList<>();
    Map<String, String> inputs = chainInputs.inputValues(plan.table, missing);
    if (!missing.isEmpty()) {
      throw missingInput(def, missing.get(0));
    }
    // A dry run returns no rows, so nothing echoes the inputs; EXPLAIN of a lookup join runs it
    // with markers in place of the outer keys, which need not be values of the input's type.
    this.inputValues = dryRun ? new Object[def.inputs().size()] : convertInputs(def, inputs);
    this.run = new ChainRun(plan.setup, (RsdScript) def.script(), plan.shape, inputs,
        chainInputs.filterBindings(plan.table.fields()), window, speculationCap, tracker, dryRun);
  }

  private static SQLException missingInput(TableDef def, InputDef input) {
    String desc = input.description() == null || input.description().isBlank()
        ? ""
        : " (\"" + input.description() + "\")";
    return ScanErrors.of(
        def.name(),
        "the input '" + input.name() + "'" + desc + " is required: add WHERE " + input.name()
            + " = <value> to the query",
        ScanErrors.MISSING_INPUT,
        null);
  }

  private static Object[] convertInputs(TableDef def, Map<String, String> inputs) throws SQLException {
    Object[] values = new Object[def.inputs().size()];
    for (int i = 0; i < values.length; i++) {
      InputDef input = def.inputs().get(i);
      String raw = inputs.get(input.name());
      try {
        values[i] = raw == null ? null : ValueConverter.toInternal(raw, input.type(), null);
      } catch (ConversionException e) {
        throw ScanErrors.of(
            def.name(), "the value given for input '" + input.name() + "' is not a valid " + input.type()
                + ": " + e.getMessage(), "22018", null);
      }
    }
    return values;
  }

  /** The value this chain sends for a table field, or null when the field is not pushed. */
  String pushedValue(int tableField) {
    return chainInputs.pushed().get(tableField);
  }

  ChainPositions positions() {
    return positions;
  }

  Object inputValue(int inputIndex) {
    return inputValues[inputIndex];
  }

  /** The next pushed item, or null. */
  Item next() throws SQLException {
    return run.next();
  }

  /** Rows of the window's offset the first request skipped at the API. */
  long rowsSkippedAtSource() {
    return run.rowsSkippedAtSource();
  }

  ChainRun run() {
    return run;
  }

  /** The first request of every call (redacted), for EXPLAIN; sends nothing. */
  List<String> describe() throws SQLException {
    return run.describe();
  }

  /** Stops the pages fetched ahead. */
  void close() {
    run.close();
  }
}

package dev.apiquery.sql;

import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values one request chain runs with: one value per pushed field. An {@code IN} list fans out
 * into one chain per value, and several lists into their cross product (Calcite hands an
 * {@code IN} list over sorted, so chains run in value order).
 *
 * @param pushed value per table field ordinal
 */
record ChainInputs(Map<Integer, String> pushed) {

  /** Every chain of a spec; a spec with nothing pushed has one empty chain. */
  static List<ChainInputs> expand(ApiQuerySpec spec) {
    List<ChainInputs> chains = new ArrayList<>();
    chains.add(new ChainInputs(Map.of()));
    for (Map.Entry<Integer, List<String>> e : spec.pushedValues().entrySet()) {
      List<ChainInputs> next = new ArrayList<>();
      for (ChainInputs chain : chains) {
        for (String value : e.getValue()) {
          Map<Integer, String> values = new LinkedHashMap<>(chain.pushed);
          values.put(e.getKey(), value);
          next.add(new ChainInputs(values));
        }
      }
      chains = next;
    }
    return chains;
  }

  /**
   * {@code [_input.x]} values: the pushed value, else the input's default; as in CData, a WHERE
   * on an output column sets {@code [_input.<column>]} too. A required input that has neither
   * is reported through {@code missing}.
   */
  Map<String, String> inputValues(ApiTable table, List<InputDef> missing) {
    TableDef def = table.definition();
    Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<Integer, String> e : pushed.entrySet()) {
      TableField field = table.fields().get(e.getKey());
      if (field.inputDef() == null) {
        values.put(field.name(), e.getValue());
      }
    }
    for (int i = 0; i < def.inputs().size(); i++) {
      InputDef input = def.inputs().get(i);
      String value = pushed.get(table.inputField(i));
      if (value == null) {
        value = input.defaultValue();
      }
      if (value == null || value.isEmpty()) {
        if (input.required()) {
          missing.add(input);
        }
        continue;
      }
      values.put(input.name(), value);
    }
    return values;
  }

  /** Values for {@code other:filter} targets: {@code {Name}} placeholders by Name, bare names as is. */
  Map<String, String> filterBindings(List<TableField> fields) {
    Map<String, String> bindings = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<Integer, String> e : pushed.entrySet()) {
      String filter = fields.get(e.getKey()).filter();
      if (filter == null || filter.isBlank()) {
        continue;
      }
      String target = filter.trim();
      if (target.startsWith("{") && target.endsWith("}")) {
        target = target.substring(1, target.length() - 1);
      }
      bindings.put(target, e.getValue());
    }
    return bindings;
  }
}

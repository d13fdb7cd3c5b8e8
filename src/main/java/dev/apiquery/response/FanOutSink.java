package dev.apiquery.response;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects, per slot, the values found in each element of an array that a field path runs
 * through ({@code CustomFields/value} on an array of objects), then hands each slot the JSON
 * array of what was found: {@code ["a","b"]}, or {@code []} when no element had the field.
 * Elements without the field add nothing; an explicit JSON null adds {@code null}.
 *
 * <p>Objects and arrays are kept as {@link JsonText.Raw} so that they are embedded, not quoted,
 * in the resulting text.
 */
final class FanOutSink implements ValueSink {
  private final ValueSink parent;
  private final int[] slots;
  private final List<?>[] found;

  FanOutSink(ValueSink parent, int[] slots) {
    this.parent = parent;
    this.slots = slots;
    int max = -1;
    for (int slot : slots) {
      max = Math.max(max, slot);
    }
    this.found = new List<?>[max + 1];
  }

  @Override
  public void value(int slot, Object value) {
    list(slot).add(value);
  }

  @Override
  public void json(int slot, String text) {
    list(slot).add(new JsonText.Raw(text));
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(int slot) {
    List<Object> list = (List<Object>) found[slot];
    if (list == null) {
      list = new ArrayList<>();
      found[slot] = list;
    }
    return list;
  }

  /** Called after the array's last element: passes one JSON array text per slot to the parent. */
  @SuppressWarnings("unchecked")
  void finish() {
    for (int slot : slots) {
      List<Object> list = (List<Object>) found[slot];
      parent.json(slot, JsonText.array(list == null ? List.of() : list));
    }
  }
}

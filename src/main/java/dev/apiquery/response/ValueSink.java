package dev.apiquery.response;

/**
 * Where the walk puts the values it extracts, by slot. A row puts them into its {@code Object[]};
 * a fan-out over an array collects them per slot first (see {@link FanOutSink}).
 */
interface ValueSink {
  /** A scalar raw value (see {@link Page}) for a slot. */
  void value(int slot, Object value);

  /** An object or array, as compact JSON text, for a slot. */
  void json(int slot, String text);

  /** Puts values straight into an array indexed by slot; the array can be swapped per row. */
  final class Slots implements ValueSink {
    private Object[] target;

    Slots(Object[] target) {
      this.target = target;
    }

    void target(Object[] values) {
      this.target = values;
    }

    @Override
    public void value(int slot, Object value) {
      target[slot] = value;
    }

    @Override
    public void json(int slot, String text) {
      target[slot] = text;
    }
  }
}

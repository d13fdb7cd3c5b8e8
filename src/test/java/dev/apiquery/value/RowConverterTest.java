package dev.apiquery.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.apiquery.profile.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-column conversions give exactly what ValueConverter.toInternal gives, failures included. */
class RowConverterTest {
  private static final Object[] RAW = {
    "text", "", " 42 ", "42", "4.5", "1e3", "true", "yes", "0", "NaN", "2024-01-10", "2024-01-10T10:00:00Z",
    "2024-01-10T10:00:00.5+01:00", "2024-1-5 9:30", "13:45:00", "1704880800", "2024-02-30", "{\"a\":1}",
    42L, 0L, 1L, -7L, 3_000_000_000L, Long.MAX_VALUE, new BigInteger("123456789012345678901234567890"),
    new BigDecimal("1.50"), new BigDecimal("42.0"), new BigDecimal("1e400"), 2.5d, Boolean.TRUE, Boolean.FALSE,
  };

  @Test
  void everyColumnTypeConvertsAsValueConverterDoes() throws Exception {
    List<DataType> types = Arrays.asList(DataType.values());
    List<Integer> scales = new ArrayList<>(Collections.nCopies(types.size(), (Integer) null));
    scales.set(types.indexOf(DataType.DECIMAL), 2);
    RowConverter converter = new RowConverter(types, scales);
    for (Object raw : RAW) {
      Object[] row = new Object[types.size() + 1]; // a raw row may hold more than the columns
      Arrays.fill(row, raw);
      Object[] converted = converter.convert(row);
      assertEquals(types.size(), converted.length);
      for (int c = 0; c < types.size(); c++) {
        Object expected;
        try {
          expected = ValueConverter.toInternal(raw, types.get(c), scales.get(c));
        } catch (ConversionException e) {
          expected = new RowConverter.Failed(e.getMessage());
        }
        assertEquals(expected, converted[c], types.get(c) + " of " + raw);
        if (expected != null) {
          assertEquals(expected.getClass(), converted[c].getClass(), types.get(c) + " of " + raw);
        }
      }
    }
  }

  @Test
  void nullStaysNullAndPagesConvertRowByRow() {
    RowConverter converter = new RowConverter(Arrays.asList(DataType.BIGINT, DataType.TIMESTAMP, null),
        Arrays.asList(null, null, null));
    List<Object[]> rows = converter.convert(List.of(new Object[] {7L, null, "x"},
        new Object[] {null, "2024-01-10T00:00:00Z", "not a number"})).rows();
    assertEquals(7L, rows.get(0)[0]);
    assertNull(rows.get(0)[1]);
    assertNull(rows.get(1)[0]);
    assertEquals(1_704_844_800_000L, rows.get(1)[1]);
    // A column nothing reads converted is left alone: no value, no failure.
    assertNull(rows.get(0)[2]);
    assertNull(rows.get(1)[2]);
  }
}

package dev.apiquery.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Newline-delimited JSON: one object per row, typed values (numbers, booleans, null), dates and
 * times as ISO-8601 strings (timestamps in UTC with a {@code Z}), non-finite doubles as strings.
 */
final class NdjsonFileSink implements RowSink {
  private final JsonGenerator json;
  private final SerializedString[] names;

  NdjsonFileSink(Writer out, List<Column> columns) throws IOException {
    json = new JsonFactory().createGenerator(out);
    json.setRootValueSeparator(null);
    json.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
    names = new SerializedString[columns.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = new SerializedString(columns.get(i).name());
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < row.length; i++) {
      json.writeFieldName(names[i]);
      Object v = row[i];
      if (v == null) {
        json.writeNull();
      } else if (v instanceof Long l) {
        json.writeNumber(l);
      } else if (v instanceof Integer n) {
        json.writeNumber(n);
      } else if (v instanceof Double d && Double.isFinite(d)) {
        json.writeNumber(d);
      } else if (v instanceof BigDecimal d) {
        json.writeNumber(d);
      } else if (v instanceof Boolean b) {
        json.writeBoolean(b);
      } else {
        json.writeString(CsvFileSink.text(v));
      }
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}

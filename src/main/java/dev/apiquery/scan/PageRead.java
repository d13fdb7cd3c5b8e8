package dev.apiquery.scan;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.CallTracker;
import dev.apiquery.http.Exchange;
import dev.apiquery.response.MalformedResponseException;
import dev.apiquery.response.Page;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.paging.PageResult;
import dev.apiquery.value.RowConverter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The read callback of a page's exchange: reads the whole body into a page with the call's
 * reader, and converts its rows' values when the call's items are the scan's rows (so that this
 * work is done on the fetch thread, while the consumer reads the page before). An HTML answer or a complete body that is not valid JSON or XML fails at once (retrying would
 * get the same bytes); a body cut off in transfer is an IOException, which the exchange retries.
 */
final class PageRead implements Exchange.Reader<PageResult> {
  private final String table;
  private final ResponseReader reader;
  private final Exchange exchange;
  private final RowConverter converter;
  private final CallLayout layout;

  /**
   * @param converter converts each row's columns here, on the fetch thread, and makes the rows
   *     the call's items laid out as {@code layout}; null for neither
   */
  PageRead(String table, ResponseReader reader, Exchange exchange, RowConverter converter, CallLayout layout) {
    this.table = table;
    this.reader = reader;
    this.exchange = exchange;
    this.converter = converter;
    this.layout = layout;
  }

  @Override
  public PageResult read(Response response, String what, CallTracker tracker)
      throws IOException, SQLException {
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    if (type != null && type.subtype().toLowerCase(Locale.ROOT).contains("html")) {
      throw ScanErrors.of(table, what + " returned " + type.type() + "/" + type.subtype() + " instead of JSON or XML (HTTP "
          + response.code() + ")" + exchange.bodyStart(response), ScanErrors.DATA, null);
    }
    // The raw start, copied before parsing consumes the stream; formatted only on failure.
    ResponseBody start = Exchange.peek(response);
    try {
      CountingStream counted = new CountingStream(body.byteStream());
      Page page;
      try {
        page = reader.read(counted);
      } finally {
        tracker.received(counted.count);
      }
      if (converter != null) {
        RowConverter.Converted converted = converter.convert(page.rows());
        page = page.withConverted(converted.rows(), converted.failures());
        return new PageResult(page, response.headers(), Map.of(), RowValues.of(page, layout));
      }
      return new PageResult(page, response.headers(), Map.of());
    } catch (MalformedResponseException e) {
      throw ScanErrors.of(table, what + " returned a malformed body (HTTP " + response.code() + "): "
          + exchange.redact(e.getMessage()) + exchange.format(start), ScanErrors.DATA, null);
    }
  }

  /**
   * Counts the body bytes a page reader consumes, and fills each read as far as the body allows:
   * OkHttp hands out what one socket read brought (often a few hundred bytes), and a JSON parser
   * whose buffer is nearly empty takes its slow path for every field name near the end (a
   * twelfth of the fetch thread's samples before this).
   */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.readNBytes(buffer, offset, length);
      if (n == 0 && length > 0) {
        return -1;
      }
      count += n;
      return n;
    }
  }
}

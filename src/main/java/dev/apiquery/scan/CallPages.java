package dev.apiquery.scan;

import dev.apiquery.profile.script.ItemValues;
import java.sql.SQLException;
import java.util.List;

/** The output of one opened provider call, a page of items at a time. */
interface CallPages {
  boolean hasNext();

  /** The next page's items; the request for it is sent now (or was fetched ahead). */
  List<ItemValues> take() throws SQLException;

  /** Stops the call: pages fetched ahead are cancelled. */
  void close();
}

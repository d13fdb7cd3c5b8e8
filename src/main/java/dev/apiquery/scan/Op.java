package dev.apiquery.scan;

import java.sql.SQLException;

/**
 * One compiled script statement as a lazy pull operator (Volcano style). Opening it runs it at
 * that point of the script, in document order; the cursor it returns yields the rows it pushes,
 * one per {@link Cursor#next()}, doing only the work (and sending only the requests) that row
 * needs.
 */
interface Op {
  Cursor open(Frame frame) throws SQLException;
}

package dev.apiquery.export;

/** What {@code --mode} does with a target that already holds data. */
public enum Mode {
  /** Create the table or file; fail, before any request, when it exists. */
  CREATE,
  /** Replace the table or file with the new rows, in one swap at the end. */
  REPLACE,
  /** Add the rows to the table (created when missing) or file. */
  APPEND
}

package dev.apiquery.response;

/** Builds the reader for a provider call's response. */
public final class ResponseReaders {
  private ResponseReaders() {}

  /**
   * @throws IllegalArgumentException when a path uses syntax the reader does not support, or the
   *     row paths do not fit the data model (the message says which path and why)
   */
  public static ResponseReader create(ReadSpec spec) {
    RowPaths rows = RowPaths.of(spec.rowPath(), spec.dataModel(), spec.format());
    return spec.format() == ResponseFormat.XML
        ? new XmlResponseReader(rows, spec.columnPaths(), spec.documentPaths())
        : new JsonResponseReader(rows, spec.columnPaths(), spec.documentPaths());
  }
}

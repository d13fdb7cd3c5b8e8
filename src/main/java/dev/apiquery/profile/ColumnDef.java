package dev.apiquery.profile;

/**
 * An output column of a table: an RSD {@code <attr>}.
 *
 * @param name column name as written in the profile
 * @param type SQL type
 * @param xPath where the value lives in the response ({@code other:xPath}); never null: defaults
 *     to the column name, relative to the row
 * @param key {@code key="true"}: part of the primary key
 * @param readOnly {@code readonly="true"}
 * @param description {@code desc}, or null
 * @param columnSize {@code columnsize}, or null
 * @param decimalDigits {@code decimaldigits}, or null
 * @param filter {@code other:filter}: a {@code {Placeholder}} or a bare request parameter name
 *     that a {@code WHERE col = value} fills; null when the column is not filterable at the API
 */
public record ColumnDef(
    String name,
    DataType type,
    String xPath,
    boolean key,
    boolean readOnly,
    String description,
    Integer columnSize,
    Integer decimalDigits,
    String filter) {}

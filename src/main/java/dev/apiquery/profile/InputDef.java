package dev.apiquery.profile;

/**
 * A request parameter of a table: an RSD {@code <input>}. It appears as a column whose value is the
 * one the query supplied ({@code WHERE name = value}); the script reads it as {@code [_input.name]}.
 *
 * @param name input name as written in the profile
 * @param type SQL type of the pseudo-column
 * @param required {@code required}/{@code req}: a query without it fails
 * @param defaultValue {@code def}/{@code default}, or null
 * @param description {@code desc}, or null: quoted in the error when a required input is missing
 * @param filter {@code other:filter}, or null (see {@link ColumnDef#filter()})
 */
public record InputDef(
    String name,
    DataType type,
    boolean required,
    String defaultValue,
    String description,
    String filter) {}

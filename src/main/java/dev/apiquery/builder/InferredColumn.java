package dev.apiquery.builder;

/**
 * A column {@code profile new} found in the sampled rows.
 *
 * @param name the SQL column name: a valid identifier, unique ignoring case
 * @param xsType the RSD type ({@code int}, {@code datetime}, ...)
 * @param xPath where the value is, relative to the row ({@code owner/login})
 * @param key {@code key="true"}: an id-like column whose sampled values are present and distinct
 * @param why how the type was decided, for the printed structure ({@code 12 values, all int})
 */
public record InferredColumn(String name, String xsType, String xPath, boolean key, String why) {}

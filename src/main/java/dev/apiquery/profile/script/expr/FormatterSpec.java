package dev.apiquery.profile.script.expr;

/**
 * A named formatter with the number of arguments it accepts, checked when the profile is loaded.
 *
 * @param encodesForUri whether its output is already percent-encoded, so a URI must not encode it
 *     again ({@code urlencode})
 */
public record FormatterSpec(
    String name, int minArgs, int maxArgs, boolean encodesForUri, Formatter function) {}

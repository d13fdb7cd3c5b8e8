package dev.apiquery.spi;

/**
 * Resolves secret references in option values: {@code ${scheme:reference}}. Built in: {@code env},
 * {@code file} and {@code sysprop}. Implementations are found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.apiquery.spi.SecretResolver} on the driver's class path.
 */
public interface SecretResolver {
  /** The scheme this resolver answers, such as {@code vault}; matched case-insensitively. */
  String scheme();

  /**
   * Returns the secret named by {@code reference} (the text after {@code scheme:}).
   *
   * @throws IllegalArgumentException when it cannot be resolved; the message must not contain
   *     the secret
   */
  String resolve(String reference);
}

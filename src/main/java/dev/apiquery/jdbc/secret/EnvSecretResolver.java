package dev.apiquery.jdbc.secret;

import dev.apiquery.spi.SecretResolver;

/** {@code ${env:NAME}}: the value of an environment variable. */
public final class EnvSecretResolver implements SecretResolver {
  @Override
  public String scheme() {
    return "env";
  }

  @Override
  public String resolve(String reference) {
    String name = reference.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no environment variable name");
    }
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return value;
  }
}

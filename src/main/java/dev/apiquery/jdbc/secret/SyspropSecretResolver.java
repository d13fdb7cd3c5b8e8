package dev.apiquery.jdbc.secret;

import dev.apiquery.spi.SecretResolver;

/** {@code ${sysprop:name}}: a Java system property ({@code -Dname=value}). */
public final class SyspropSecretResolver implements SecretResolver {
  @Override
  public String scheme() {
    return "sysprop";
  }

  @Override
  public String resolve(String reference) {
    String name = reference.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no system property name");
    }
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalArgumentException("system property " + name + " is not set");
    }
    return value;
  }
}

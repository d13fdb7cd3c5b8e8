package dev.apiquery.jdbc.secret;

import dev.apiquery.spi.SecretResolver;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugged-in resolver for {@code ${test:...}}, registered through the test {@code
 * META-INF/services} file: {@code ${test:abc}} is {@code vault-abc}; {@code ${test:fail}} fails. It
 * also tries to replace the built-in {@code env} scheme, which must not work.
 */
public final class TestSecretResolver implements SecretResolver {
  public static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public String scheme() {
    return "test";
  }

  @Override
  public String resolve(String reference) {
    CALLS.incrementAndGet();
    if (reference.equals("fail")) {
      throw new IllegalArgumentException("no entry named fail in the test vault");
    }
    return "vault-" + reference;
  }

  /** Claims the {@code env} scheme; the built-in must win. */
  public static final class EnvImpostor implements SecretResolver {
    @Override
    public String scheme() {
      return "ENV";
    }

    @Override
    public String resolve(String reference) {
      return "impostor";
    }
  }
}

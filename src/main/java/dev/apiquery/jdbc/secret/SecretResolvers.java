package dev.apiquery.jdbc.secret;

import dev.apiquery.spi.SecretResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret resolvers known by scheme (case-insensitive). The built-in {@code env}, {@code file}
 * and {@code sysprop} always come first and cannot be replaced by a plug-in, so a stray jar cannot
 * change what {@code ${env:...}} means; for any other scheme the first resolver found wins.
 */
public final class SecretResolvers {
  private static final Logger LOG = LoggerFactory.getLogger(SecretResolvers.class);

  private static volatile SecretResolvers defaults;

  private final Map<String, SecretResolver> byScheme;

  private SecretResolvers(Map<String, SecretResolver> byScheme) {
    this.byScheme = Collections.unmodifiableMap(byScheme);
  }

  /**
   * The built-ins plus every {@link SecretResolver} listed in {@code
   * META-INF/services/dev.apiquery.spi.SecretResolver}. Providers are loaded through the class
   * loader that loaded the SPI, never the thread context class loader: in DBeaver or Spark the
   * driver lives in a plug-in class loader the context loader cannot see. Loaded once.
   */
  public static SecretResolvers defaults() {
    SecretResolvers result = defaults;
    if (result == null) {
      synchronized (SecretResolvers.class) {
        result = defaults;
        if (result == null) {
          result = discover();
          defaults = result;
        }
      }
    }
    return result;
  }

  /** Exactly the built-ins plus {@code extra} (for tests and embedding). */
  public static SecretResolvers of(Collection<? extends SecretResolver> extra) {
    Map<String, SecretResolver> map = new LinkedHashMap<>();
    List<SecretResolver> all = new ArrayList<>(builtIns());
    all.addAll(extra);
    for (SecretResolver resolver : all) {
      String scheme = resolver.scheme();
      if (scheme == null || scheme.isBlank()) {
        LOG.warn("Ignoring secret resolver {} without a scheme", resolver.getClass().getName());
        continue;
      }
      map.putIfAbsent(scheme.strip().toLowerCase(Locale.ROOT), resolver);
    }
    return new SecretResolvers(map);
  }

  /** Looks the plug-ins up again, uncached (what {@link #defaults()} caches). */
  static SecretResolvers discover() {
    return of(loadAll());
  }

  private static List<SecretResolver> builtIns() {
    return List.of(new EnvSecretResolver(), new FileSecretResolver(), new SyspropSecretResolver());
  }

  private static List<SecretResolver> loadAll() {
    List<SecretResolver> found = new ArrayList<>();
    Iterator<SecretResolver> it =
        ServiceLoader.load(SecretResolver.class, SecretResolver.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        // one broken provider must not make every connection fail
        LOG.warn("Ignoring a secret resolver that cannot be loaded: {}", e.getMessage());
      }
    }
    return found;
  }

  /** The resolver for {@code scheme}, or null. */
  public SecretResolver find(String scheme) {
    return scheme == null ? null : byScheme.get(scheme.toLowerCase(Locale.ROOT));
  }

  /** The schemes known, lower case. */
  public Set<String> schemes() {
    return byScheme.keySet();
  }
}

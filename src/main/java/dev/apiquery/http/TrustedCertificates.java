package dev.apiquery.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@code SSLServerCert}: the system's trusted CAs plus the certificates of a PEM file or folder.
 * A server is trusted when either set verifies its chain; nothing ever turns verification off.
 */
final class TrustedCertificates {
  private final X509TrustManager trustManager;
  private final SSLSocketFactory socketFactory;

  private TrustedCertificates(X509TrustManager trustManager, SSLSocketFactory socketFactory) {
    this.trustManager = trustManager;
    this.socketFactory = socketFactory;
  }

  X509TrustManager trustManager() {
    return trustManager;
  }

  SSLSocketFactory socketFactory() {
    return socketFactory;
  }

  /** @throws IllegalArgumentException naming the path when it holds no readable certificate */
  static TrustedCertificates load(Path pemFileOrFolder) {
    try {
      List<Certificate> extra = readCertificates(pemFileOrFolder);
      if (extra.isEmpty()) {
        throw new IllegalArgumentException("SSLServerCert: no PEM certificate found in " + pemFileOrFolder);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < extra.size(); i++) {
        store.setCertificateEntry("sslservercert-" + i, extra.get(i));
      }
      X509TrustManager custom = trustManagerOf(store);
      X509TrustManager system = trustManagerOf(null);
      X509TrustManager both = new EitherTrustManager(system, custom);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {both}, null);
      return new TrustedCertificates(both, context.getSocketFactory());
    } catch (IOException e) {
      throw new UncheckedIOException("SSLServerCert: cannot read " + pemFileOrFolder + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("SSLServerCert: " + pemFileOrFolder + ": " + e.getMessage(), e);
    }
  }

  private static List<Certificate> readCertificates(Path path) throws IOException, CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        // Only certificate files: a folder such as /etc/ssl may also hold keys and keystores.
        list.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(pem|crt|cer)"))
            .sorted()
            .forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<Certificate> certificates = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        certificates.addAll(factory.generateCertificates(in));
      }
    }
    return certificates;
  }

  private static X509TrustManager trustManagerOf(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return Arrays.stream(tmf.getTrustManagers())
        .filter(X509TrustManager.class::isInstance)
        .map(X509TrustManager.class::cast)
        .findFirst()
        .orElseThrow(() -> new GeneralSecurityException("no X509TrustManager"));
  }

  /** Trusts a chain that either of two trust managers trusts. */
  private static final class EitherTrustManager implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    EitherTrustManager(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      first.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}

package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeout, the proxy options and SSLServerCert, against real servers on loopback. */
class TransportOptionsTest extends ApiTestSupport {
  private static final String ITEMS = "<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>";

  @TempDir Path certs;

  @Test
  void timeoutBoundsOneExchange() throws Exception {
    // The answer comes after 5 s: longer than Timeout=1, shorter than any default, so the query
    // fails with a timeout only if Timeout bounded the exchange (no wall-clock assertion needed).
    API.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("[{\"v\":\"late\"}]").withFixedDelay(5_000)));
    writeProfile("Slow", rsd(ITEMS, "${BASE}/slow", ""));
    try (Connection c = connect("Timeout=1;MaxRetries=0")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from slow"));
      assertFalse(e instanceof SQLTimeoutException, "an exchange timeout is an I/O failure, not the query's");
      assertEquals("08S01", e.getSQLState());
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
  }

  @Test
  void requestsGoThroughTheProxyWithItsCredentials() throws Exception {
    WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1));
    proxy.start();
    try {
      String expected = Credentials.basic("proxyuser", "proxy-secret-1");
      proxy.stubFor(get(urlPathEqualTo("/items")).withHeader("Proxy-Authorization", absent()).atPriority(1)
          .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
      proxy.stubFor(get(urlPathEqualTo("/items")).withHeader("Proxy-Authorization", equalTo(expected)).atPriority(2)
          .willReturn(okJson("[{\"v\":\"via proxy\"}]")));
      // 127.0.0.2:9 answers nothing: only the proxy can.
      writeProfile("Items", rsd(ITEMS, "http://127.0.0.2:9/items", ""));
      try (Connection c = connect("ProxyServer=127.0.0.1;ProxyPort=" + proxy.port()
          + ";ProxyUser=proxyuser;ProxyPassword=proxy-secret-1")) {
        assertEquals(List.of(List.of("via proxy")), rows(c, "select v from items"));
        assertFalse(c.getMetaData().getURL().contains("proxy-secret-1"));
      }
      proxy.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    } finally {
      proxy.stop();
    }
  }

  private void keytool(String... args) throws Exception {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = new java.util.ArrayList<>(List.of(keytool));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void aSelfSignedServerIsRefusedUntilSslServerCertTrustsIt() throws Exception {
    Path keystore = certs.resolve("server.p12");
    Path pem = certs.resolve("server.pem");
    keytool("-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "api", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    WireMockServer tls = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
        .bindAddress("127.0.0.1").jettyAcceptors(1)
        .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
        .keystoreType("PKCS12"));
    tls.start();
    try {
      tls.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"v\":\"secure\"}]")));
      writeProfile("Items", rsd(ITEMS, "https://127.0.0.1:" + tls.httpsPort() + "/items", ""));
      try (Connection c = connect()) {
        SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
        assertTrue(e.getMessage().contains("SSL") || e.getMessage().contains("certif"), e.getMessage());
      }
      try (Connection c = connect("SSLServerCert=" + pem)) {
        assertEquals(List.of(List.of("secure")), rows(c, "select v from items"));
      }
      try (Connection c = connect("SSLServerCert=" + certs)) {
        assertEquals(List.of(List.of("secure")), rows(c, "select v from items"), "a folder of PEM files");
      }
      SQLException bad = assertThrows(SQLException.class, () -> connect("SSLServerCert=" + certs.resolve("none.pem")));
      assertTrue(bad.getMessage().contains("SSLServerCert"), bad.getMessage());
    } finally {
      tls.stop();
    }
  }
}

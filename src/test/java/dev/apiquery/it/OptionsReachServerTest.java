package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CustomHeaders, CustomUrlParams, ProfileSettings and secret references reach the API. */
class OptionsReachServerTest extends ApiTestSupport {
  @TempDir Path secrets;

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"data\":[{\"v\":\"x\"}]}")));
    writeProfile("Items", rsd("""
            <attr name="v" xs:type="string" other:xPath="v"/>
        """, "${BASE}/items?region=[_connection.Region]",
        """
          <api:set attr="JSONPath" value="$.data"/>
          <api:set attr="Header:Name#1" value="X-Api-Key"/>
          <api:set attr="Header:Value#1" value="[_connection.ApiKey]"/>
          <api:set attr="Header:Name#2" value="X-Override"/>
          <api:set attr="Header:Value#2" value="from-profile"/>
        """));
  }

  private LoggedRequest onlyRequest() {
    List<LoggedRequest> all = API.findAll(getRequestedFor(urlPathEqualTo("/items")));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void customHeadersAndUrlParamsAreSentAndProfileHeadersWinByName() throws Exception {
    try (Connection c = connect("CustomHeaders='X-Team: data\\nX-Override: from-connection';"
        + "CustomUrlParams='format=full&trace=on';ProfileSettings='Region=eu west;ApiKey=k-123'")) {
      assertEquals(List.of(List.of("x")), rows(c, "select v from items"));
    }
    LoggedRequest r = onlyRequest();
    assertEquals("data", r.getHeader("X-Team"));
    assertEquals("from-profile", r.getHeader("X-Override"));
    assertEquals("k-123", r.getHeader("X-Api-Key"));
    assertEquals("full", r.queryParameter("format").firstValue());
    assertEquals("on", r.queryParameter("trace").firstValue());
    assertEquals("eu west", r.queryParameter("region").firstValue());
  }

  @Test
  void secretsComeFromFilesAndProperties() throws Exception {
    Path keyFile = secrets.resolve("api.key");
    Files.writeString(keyFile, "s3cr3t-from-file\n");
    Properties info = new Properties();
    info.setProperty("ProfileSettings", "'ApiKey=${file:" + keyFile + "};Region=north'");
    info.setProperty("customheaders", "Authorization: Bearer ${file:" + keyFile + "}");
    try (Connection c = connect(info)) {
      assertEquals(1, rows(c, "select v from items").size());
      assertEquals(false, c.getMetaData().getURL().contains("s3cr3t"));
    }
    LoggedRequest r = onlyRequest();
    assertEquals("s3cr3t-from-file", r.getHeader("X-Api-Key"));
    assertEquals("Bearer s3cr3t-from-file", r.getHeader("Authorization"));
    assertEquals("north", r.queryParameter("region").firstValue());
  }

  @Test
  void propertiesWinOverTheUrl() throws Exception {
    Properties info = new Properties();
    info.setProperty("PROFILESETTINGS", "Region=from-properties");
    try (Connection c = java.sql.DriverManager.getConnection(
        url("ProfileSettings='Region=from-url'"), info)) {
      rows(c, "select v from items");
    }
    API.verify(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("region", equalTo("from-properties")));
  }
}

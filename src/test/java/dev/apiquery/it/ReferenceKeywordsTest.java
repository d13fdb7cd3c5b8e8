package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keywords of CData's reference beyond the core executor, through JDBC against WireMock. */
class ReferenceKeywordsTest extends ApiTestSupport {

  private void install(String name) throws IOException {
    installFixture("exec", name);
  }

  @Test
  void mapCopiesNamedAttributesAndPrefixesIntoAnotherItem() throws Exception {
    install("Contacts");
    API.stubFor(post(urlEqualTo("/auth/token")).willReturn(okJson(
        "{\"access_token\":\"tk-987654321\",\"user\":{\"login\":\"ops\"}}")));
    API.stubFor(get(urlPathEqualTo("/v3/contacts")).withHeader("Authorization", equalTo("Bearer tk-987654321"))
        .willReturn(okJson("{\"data\":[{\"id\":7,\"email\":\"a@x.test\"},{\"id\":9,\"email\":\"b@x.test\"}]}")));
    try (Connection c = connect("ProfileSettings='ClientId=crm'")) {
      assertEquals(List.of(List.of(7, "a@x.test", "ops"), List.of(9, "b@x.test", "ops")),
          rows(c, "select id, email, owner from contacts"));
    }
    API.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
    API.verify(1, getRequestedFor(urlEqualTo("/v3/contacts?limit=50&sort=id")));
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void firstRunsOnlyInTheFirstIterationOfEachCallAndEnumBeforeTheRestOfTheBody() throws Exception {
    install("Shipments");
    API.stubFor(get(urlEqualTo("/v2/eu/shipments?status=open&limit=10")).willReturn(okJson(
        "{\"shipments\":[{\"id\":11},{\"id\":12},{\"id\":13}]}")));
    API.stubFor(get(urlEqualTo("/v2/us/shipments?status=open&limit=10")).willReturn(okJson(
        "{\"shipments\":[{\"id\":21},{\"id\":22}]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(
          List.of("eu/eu", 11, 11), List.of("eu/eu", 12, 11), List.of("eu/eu", 13, 11),
          List.of("us/eu", 21, 21), List.of("us/eu", 22, 21)),
          rows(c, "select region, id, batch from shipments"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void firstOutsideACallOrEnumFailsTheQueryWithFileAndLine() throws Exception {
    writeProfile("Stray", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/stray",
        "<api:first><api:set attr=\"x\" value=\"1\"/></api:first>"));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from stray"));
      assertTrue(e.getMessage().contains("Stray.rsd:5: <api:first> must be written directly inside"),
          e.getMessage());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void aMapWithoutItsAttributesFailsTheQueryWithFileAndLine() throws Exception {
    writeProfile("Bad", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/bad",
        "<api:map to=\"a\" map=\"x = y\"/>"));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from bad"));
      assertTrue(e.getMessage().contains("Bad.rsd:5"), e.getMessage());
      assertTrue(e.getMessage().contains("needs to, from and map attributes"), e.getMessage());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  /**
   * CData's meaning of SubRepeatElement, and of PushAttributes=true, could not be established from
   * its pages, so a call that sets them fails, naming file and line, before any request is sent.
   * PushAttributes=false (real HRBC profiles set it) is what apiquery does anyway: items hold the
   * declared columns only, so it reads the rows.
   */
  @Test
  void subRepeatElementAndPushAttributesTrueFailTheQueryBeforeAnyRequest() throws Exception {
    writeProfile("SubRepeat", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/things",
        "<api:set attr=\"SubRepeatElement\" value=\"/json/things/tags\"/>"));
    writeProfile("PushAll", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/things",
        "<api:set attr=\"PushAttributes\" value=\"true\"/>"));
    writeProfile("PushNone", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/things",
        "<api:set attr=\"PushAttributes\" value=\"false\"/>"));
    API.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson("[{\"id\":1,\"extra\":\"x\"}]")));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from SubRepeat"));
      assertTrue(e.getMessage().contains("SubRepeatElement is set for the call at SubRepeat.rsd:9 but is not supported"),
          e.getMessage());
      e = assertThrows(SQLException.class, () -> rows(c, "select * from PushAll"));
      assertTrue(e.getMessage().contains("PushAttributes=true is set for the call at PushAll.rsd:9 but only "
          + "PushAttributes=false is supported"), e.getMessage());
      assertEquals(0, API.getAllServeEvents().size());
      assertEquals(List.of(List.of(1)), rows(c, "select id from PushNone"));
    }
    assertEquals(1, API.getAllServeEvents().size());
  }
}

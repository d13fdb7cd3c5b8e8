package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code api:try}, {@code api:catch} and {@code api:finally} through JDBC against WireMock. */
class TryCatchTest extends ApiTestSupport {

  private void install(String name) throws IOException {
    installFixture("exec", name);
  }

  private void stubOrders(int missingStatus) {
    API.stubFor(get(urlEqualTo("/v1/orders?status=open&limit=20")).willReturn(okJson(
        "{\"orders\":[{\"id\":1},{\"id\":2},{\"id\":3}]}")));
    API.stubFor(get(urlEqualTo("/v1/orders/1/shipment")).willReturn(okJson("{\"carrier\":\"DHL\"}")));
    API.stubFor(get(urlEqualTo("/v1/orders/2/shipment")).willReturn(aResponse().withStatus(missingStatus)
        .withBody("{\"error\":\"no shipment\"}")));
    API.stubFor(get(urlEqualTo("/v1/orders/3/shipment")).willReturn(okJson("{\"carrier\":\"UPS\"}")));
  }

  @Test
  void aCatchForTheHttpStatusOfAFailedSubRequestKeepsTheRowAndTheOtherRows() throws Exception {
    install("OrderShipments");
    stubOrders(404);
    try (Connection c = connect()) {
      assertEquals(List.of(
          Arrays.asList(1, "DHL", null), List.of(2, "none", "404 not found"), Arrays.asList(3, "UPS", null)),
          rows(c, "select id, carrier, problem from OrderShipments"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/v1/orders?status=open&limit=20")));
    for (int id = 1; id <= 3; id++) {
      API.verify(1, getRequestedFor(urlEqualTo("/v1/orders/" + id + "/shipment")));
    }
    assertEquals(4, API.getAllServeEvents().size());
  }

  @Test
  void anErrorNoCatchMatchesFailsTheQueryAsBefore() throws Exception {
    install("OrderShipments");
    stubOrders(500);
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class,
          () -> rows(c, "select id, carrier, problem from OrderShipments"));
      assertTrue(e.getMessage().contains("/v1/orders/2/shipment"), e.getMessage());
      assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
      assertEquals(500, e.getErrorCode());
    }
    API.verify(0, getRequestedFor(urlEqualTo("/v1/orders/3/shipment")));
  }

  @Test
  void aThrowIsCaughtByItsCodeInTheCallBodyAndTheFinallyRunsAfterTheCall() throws Exception {
    install("TicketChecks");
    API.stubFor(get(urlEqualTo("/api/tickets?page=1")).willReturn(okJson("{\"tickets\":["
        + "{\"id\":1,\"state\":\"open\"},{\"id\":2,\"state\":\"closed\",\"closed_at\":\"2024-05-01\"},"
        + "{\"id\":3,\"state\":\"open\"}]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1, "open"), List.of(2, "closed: ticket 2 is closed (since 2024-05-01)"),
          List.of(3, "open"), List.of(0, "end of tickets")),
          rows(c, "select id, note from TicketChecks"));
      // The consumer stops early: the finally, which no requested row needs, does not run.
      assertEquals(List.of(List.of(1, "open"), List.of(2, "closed: ticket 2 is closed (since 2024-05-01)")),
          rows(c, "select id, note from TicketChecks limit 2"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void anUncaughtThrowFailsWithTheProfilesMessage() throws Exception {
    writeProfile("Strict", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/strict",
        "").replace("<api:call op=\"jsonproviderGet\"><api:push/></api:call>",
        "<api:try><api:call op=\"jsonproviderGet\"><api:throw code=\"E1\" desc=\"bad row [id]\"/></api:call>"
            + "<api:catch code=\"E2\"><api:push/></api:catch></api:try>"));
    API.stubFor(get(urlEqualTo("/strict")).willReturn(okJson("[{\"id\":5}]")));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from Strict"));
      assertTrue(e.getMessage().contains("Strict.rsd:"), e.getMessage());
      assertTrue(e.getMessage().contains("E1: bad row 5"), e.getMessage());
    }
  }

  @Test
  void aCatchOrFinallyOutsideTheScopesCDataNamesFailsWithFileAndLine() throws Exception {
    writeProfile("Stray", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/stray",
        "<api:check attr=\"x\"><api:catch code=\"*\"/></api:check>"));
    writeProfile("Empty", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/empty",
        "<api:try><api:set attr=\"x\" value=\"1\"/></api:try>"));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from Stray"));
      assertTrue(e.getMessage().contains("Stray.rsd:5: <api:catch> must be written directly inside an api:try"),
          e.getMessage());
      e = assertThrows(SQLException.class, () -> rows(c, "select * from Empty"));
      assertTrue(e.getMessage().contains("Empty.rsd:5: <api:try> has no api:catch or api:finally"), e.getMessage());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }
}

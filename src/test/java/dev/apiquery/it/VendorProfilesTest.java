package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real vendor RSD files (see {@link VendorProfileSupport}) as their authors wrote them, through
 * JDBC against WireMock serving plausible responses: the rows, and exactly the requests the API
 * saw.
 */
class VendorProfilesTest extends VendorProfileSupport {
  private static final String BACKLOG = "ProfileSettings='OrganizationName=acme;ApiKey=k-123'";
  private static final String BOARD = "ProfileSettings='APIToken=t-9;APIKey=k-9'";
  private static final String CALLCONNECT = "ProfileSettings='ApiToken=cc-1'";
  private static final String KLENTY = "ProfileSettings='ApiKey=kl-1;User=ops'";

  private static ResponseDefinitionBuilder okXml(String body) {
    return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
  }

  @Test
  void backlogProjectsReadsATopLevelArray() throws Exception {
    install("backlog", "Projects");
    API.stubFor(get(urlEqualTo("/api/v2/projects?apiKey=k-123")).willReturn(okJson(
        "[{\"id\":1,\"projectKey\":\"AL\",\"name\":\"Alpha\",\"archived\":false},"
            + "{\"id\":2,\"projectKey\":\"BE\",\"name\":\"Beta\",\"archived\":true}]")));
    try (Connection c = connect(BACKLOG)) {
      assertEquals(List.of(List.of(1, "AL", "Alpha", false), List.of(2, "BE", "Beta", true)),
          rows(c, "select id, projectKey, name, archived from Projects"));
    }
    assertEquals(1, API.getAllServeEvents().size());
  }

  @Test
  void backlogProjectUsersSendsOneRequestPerProject() throws Exception {
    install("backlog", "ProjectUsers");
    API.stubFor(get(urlEqualTo("/api/v2/projects?apiKey=k-123")).willReturn(okJson(
        "[{\"id\":10,\"name\":\"Alpha\"},{\"id\":20,\"name\":\"Beta\"}]")));
    API.stubFor(get(urlEqualTo("/api/v2/projects/10/users?apiKey=k-123")).willReturn(okJson(
        "[{\"id\":1,\"userId\":\"ann\",\"name\":\"Ann\",\"roleType\":1},{\"id\":2,\"userId\":\"bo\",\"name\":\"Bo\",\"roleType\":2}]")));
    API.stubFor(get(urlEqualTo("/api/v2/projects/20/users?apiKey=k-123")).willReturn(okJson(
        "[{\"id\":3,\"userId\":\"cy\",\"name\":\"Cy\",\"roleType\":2}]")));
    try (Connection c = connect(BACKLOG)) {
      assertEquals(List.of(List.of(10, 1, "ann", 1), List.of(10, 2, "bo", 2), List.of(20, 3, "cy", 2)),
          rows(c, "select projectId, projectUserid, userId, roleType from ProjectUsers"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/api/v2/projects?apiKey=k-123")));
    API.verify(1, getRequestedFor(urlEqualTo("/api/v2/projects/10/users?apiKey=k-123")));
    API.verify(1, getRequestedFor(urlEqualTo("/api/v2/projects/20/users?apiKey=k-123")));
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void backlogActivitiesNamesEachTypeThroughANestedReference() throws Exception {
    install("backlog", "Activities");
    API.stubFor(get(urlEqualTo("/api/v2/users?apiKey=k-123")).willReturn(okJson("[{\"id\":7,\"name\":\"Ann\"}]")));
    API.stubFor(get(urlEqualTo("/api/v2/users/7/activities?apiKey=k-123&count=100&order=desc")).willReturn(okJson(
        "[{\"id\":100,\"type\":1,\"content\":{\"id\":5,\"summary\":\"Login fails\"}},"
            + "{\"id\":101,\"type\":3,\"content\":{\"id\":5,\"summary\":\"Login fails\"}}]")));
    try (Connection c = connect(BACKLOG)) {
      assertEquals(List.of(List.of(100, 1, "課題の追加", 5), List.of(101, 3, "課題にコメント", 5)),
          rows(c, "select id, type, type_name, content_id from Activities"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void backlogIssuesPagesByOffsetUntilAnEmptyPageAndLimitStopsIt() throws Exception {
    install("backlog", "Issues");
    API.stubFor(get(urlEqualTo("/api/v2/issues?apiKey=k-123&count=100&offset=1")).willReturn(okJson(
        "[{\"id\":1,\"issueKey\":\"AL-1\",\"summary\":\"First\",\"status\":{\"id\":1,\"name\":\"Open\"}},"
            + "{\"id\":2,\"issueKey\":\"AL-2\",\"summary\":\"Second\",\"status\":{\"id\":4,\"name\":\"Closed\"}}]")));
    API.stubFor(get(urlEqualTo("/api/v2/issues?apiKey=k-123&count=100&offset=101")).willReturn(okJson(
        "[{\"id\":3,\"issueKey\":\"AL-3\",\"summary\":\"Third\",\"status\":{\"id\":1,\"name\":\"Open\"}}]")));
    API.stubFor(get(urlEqualTo("/api/v2/issues?apiKey=k-123&count=100&offset=201")).willReturn(okJson("[]")));
    try (Connection c = connect(BACKLOG)) {
      assertEquals(List.of(List.of(1, "AL-1", "Open"), List.of(2, "AL-2", "Closed"), List.of(3, "AL-3", "Open")),
          rows(c, "select id, issueKey, statusName from Issues"));
      assertEquals(3, API.getAllServeEvents().size());
      API.resetRequests();
      assertEquals(List.of(List.of(1, "AL-1")), rows(c, "select id, issueKey from Issues limit 1"));
    }
    assertEquals(1, API.getAllServeEvents().size());
  }

  @Test
  void callConnectContactsPagesUntilAnEmptyPageWithItsHeaders() throws Exception {
    install("callconnect", "Contacts");
    API.stubFor(get(urlEqualTo("/v1/contacts?page=1&per_page=500")).willReturn(okJson(
        "[{\"id\":1,\"name\":\"Ann\",\"number\":\"+8130\"},{\"id\":2,\"name\":\"Bo\",\"number\":\"+8131\"}]")));
    API.stubFor(get(urlEqualTo("/v1/contacts?page=2&per_page=500")).willReturn(okJson("[]")));
    API.stubFor(get(urlEqualTo("/v1/contacts/search?word=Ann%20Lee")).willReturn(okJson(
        "[{\"id\":1,\"name\":\"Ann Lee\",\"number\":\"+8130\"}]")));
    try (Connection c = connect(CALLCONNECT)) {
      assertEquals(List.of(List.of(1, "Ann", "+8130"), List.of(2, "Bo", "+8131")),
          rows(c, "select id, name, number from Contacts"));
      assertEquals(List.of(List.of(1, "Ann Lee")), rows(c, "select id, name from Contacts where word = 'Ann Lee'"));
    }
    API.verify(3, getRequestedFor(urlPathMatching("/v1/contacts.*")).withHeader("X-Callconnect-Token", equalTo("cc-1"))
        .withHeader("accept", equalTo("application/json")).withHeader("name", absent()));
    API.verify(1, getRequestedFor(urlEqualTo("/v1/contacts/search?word=Ann%20Lee")));
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void callConnectGroupsByIdSendsTheIdInThePath() throws Exception {
    install("callconnect", "Groups");
    API.stubFor(get(urlEqualTo("/v1/groups/5")).willReturn(okJson(
        "{\"id\":5,\"name\":\"Support\",\"queue_enabled\":true,\"users\":[1,2]}")));
    try (Connection c = connect(CALLCONNECT)) {
      assertEquals(List.of(List.of(5, "Support", true, "[1,2]")),
          rows(c, "select id, name, queue_enabled, user_ids from Groups where id = 5"));
    }
    assertEquals(1, API.getAllServeEvents().size());
  }

  @Test
  void boardProjectsPagesByPageNumberWithBothHeaders() throws Exception {
    install("board", "Projects");
    API.stubFor(get(urlEqualTo("/v1/projects?page=1&per_page=100")).willReturn(okJson(
        "[{\"id\":1,\"name\":\"Site\",\"client\":{\"id\":9,\"name\":\"Acme\"}}]")));
    API.stubFor(get(urlEqualTo("/v1/projects?page=2&per_page=100")).willReturn(okJson(
        "[{\"id\":2,\"name\":\"App\",\"client\":{\"id\":8,\"name\":\"Beta\"}}]")));
    API.stubFor(get(urlEqualTo("/v1/projects?page=3&per_page=100")).willReturn(okJson("[]")));
    try (Connection c = connect(BOARD)) {
      assertEquals(List.of(List.of(9, "Acme"), List.of(8, "Beta")), rows(c, "select ClientId, ClientName from Projects"));
    }
    API.verify(3, getRequestedFor(urlPathEqualTo("/v1/projects")).withHeader("Authorization", equalTo("Bearer t-9"))
        .withHeader("X-Api-Key", equalTo("k-9")));
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void boardInvoiceDetailsFlattensInvoicesAndTheirLines() throws Exception {
    install("board", "DocumentInvoiceDetails");
    API.stubFor(get(urlEqualTo("/v1/projects?response_group=invoice&page=1&per_page=100")).willReturn(okJson(
        "[{\"id\":1,\"invoices\":[{\"id\":11,\"details\":[{\"no\":1,\"description\":\"Design\",\"unit_price\":\"500\"},"
            + "{\"no\":2,\"description\":\"Build\",\"unit_price\":\"900\"}]},{\"id\":12,\"details\":[]}]}]")));
    API.stubFor(get(urlEqualTo("/v1/projects?response_group=invoice&page=2&per_page=100")).willReturn(okJson("[]")));
    try (Connection c = connect(BOARD)) {
      assertEquals(List.of(List.of(11, 1, "Design", "500"), List.of(11, 2, "Build", "900"),
          Arrays.asList(12, null, null, null)),
          rows(c, "select InvoiceId, No, Description, UnitPrice from DocumentInvoiceDetails"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void diffbotAccountAndAnOrganizationSearch() throws Exception {
    install("diffbot", "Account", "Organization");
    API.stubFor(get(urlEqualTo("/v4/account?token=t-1")).willReturn(okJson(
        "{\"name\":\"Ops\",\"email\":\"ops@acme.test\",\"plan\":\"startup\",\"status\":\"active\"}")));
    API.stubFor(get(urlPathEqualTo("/kg/v3/dql")).withQueryParam("token", equalTo("t-1"))
        .withQueryParam("query", equalTo("type:Organization name:\"Acme\"")).willReturn(okJson(
            "{\"hits\":1,\"data\":[{\"entity\":{\"name\":\"Acme\",\"nbEmployees\":120}}]}")));
    try (Connection c = connect("ProfileSettings='APIToken=t-1'")) {
      assertEquals(List.of(List.of("Ops", "startup", "active")), rows(c, "select name, plan, status from Account"));
      assertEquals(List.of(List.of("Acme")),
          rows(c, "select name from Organization where dql = 'type:Organization name:\"Acme\"'"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void klentyListsAndProspectsOfAListPagedByOffset() throws Exception {
    install("klenty", "Lists", "ProspectByList", "ProspectStatusByEmail");
    API.stubFor(get(urlEqualTo("/apis/v1/user/ops/lists")).willReturn(okJson(
        "[{\"id\":\"l1\",\"name\":\"Leads\"},{\"id\":\"l2\",\"name\":\"Churned\"}]")));
    API.stubFor(get(urlEqualTo("/apis/v1/user/ops/prospects?listName=Leads&start=1&limit=50")).willReturn(okJson(
        "[{\"Email\":\"a@x.test\",\"FirstName\":\"Ann\",\"List\":\"Leads\"},{\"Email\":\"b@x.test\",\"FirstName\":\"Bo\",\"List\":\"Leads\"}]")));
    API.stubFor(get(urlEqualTo("/apis/v1/user/ops/prospects/a%40x.test/status")).willReturn(okJson(
        "{\"prospectStatus\":\"Replied\",\"cadenceStatus\":\"Paused\"}")));
    try (Connection c = connect(KLENTY)) {
      assertEquals(List.of(List.of("l1", "Leads"), List.of("l2", "Churned")), rows(c, "select id, name from Lists"));
      assertEquals(List.of(List.of("a@x.test"), List.of("b@x.test")),
          rows(c, "select Email from ProspectByList where List = 'Leads'"));
      assertEquals(List.of(List.of("Replied", "Paused")),
          rows(c, "select prospectStatus, cadenceStatus from ProspectStatusByEmail where Email = 'a@x.test'"));
    }
    API.verify(3, getRequestedFor(urlPathMatching("/apis/v1/user/ops/.*")).withHeader("x-api-key", equalTo("kl-1")));
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void hrbcJobsGetsACodeThenATokenThenPagesTheXmlJobs() throws Exception {
    install("hrbc", "Jobs");
    API.stubFor(get(urlPathEqualTo("/v1/oauth")).withQueryParam("app_id", equalTo("a1"))
        .withQueryParam("response_type", equalTo("code_direct"))
        .willReturn(okXml("<Authentication><Code>code-77</Code></Authentication>")));
    API.stubFor(post(urlEqualTo("/v1/token")).withRequestBody(equalTo(
        "app_id=a1&secret=s-1&grant_type=oauth_code&code=code-77"))
        .willReturn(okXml("<Authentication><AccessToken>tok-88</AccessToken></Authentication>")));
    API.stubFor(get(urlPathEqualTo("/v1/job")).withQueryParam("start", equalTo("1"))
        .withHeader("X-porters-hrbc-oauth-token", equalTo("tok-88")).willReturn(okXml(
            "<Job Total=\"2\" Count=\"2\" Start=\"1\"><Item><Job.P_Id>5</Job.P_Id><Job.P_Position>Engineer</Job.P_Position>"
                + "<Job.P_Client><Client><Client.P_Id>9</Client.P_Id></Client></Job.P_Client></Item>"
                + "<Item><Job.P_Id>6</Job.P_Id><Job.P_Position>Designer</Job.P_Position></Item></Job>")));
    API.stubFor(get(urlPathEqualTo("/v1/job")).withQueryParam("start", equalTo("101"))
        .withHeader("X-porters-hrbc-oauth-token", equalTo("tok-88"))
        .willReturn(okXml("<Job Total=\"2\" Count=\"0\" Start=\"101\"></Job>")));
    try (Connection c = connect("ProfileSettings='app_id=a1;secret=s-1;redirect_url=http://localhost/cb;partition=9'")) {
      assertEquals(List.of(List.of(5, "Engineer", 9), Arrays.asList(6, "Designer", null)),
          rows(c, "select Id, Position, Client_Id from Jobs"));
    }
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/oauth")));
    API.verify(1, postRequestedFor(urlEqualTo("/v1/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
    API.verify(2, getRequestedFor(urlPathEqualTo("/v1/job")).withQueryParam("partition", equalTo("9")));
    assertEquals(4, API.getAllServeEvents().size());
  }
  @Test
  void klentyProspectsByCreationDateAndCadencesOfAnOwner() throws Exception {
    install("klenty", "ProspectByCreationDate", "UserCadences");
    API.stubFor(get(urlEqualTo("/apis/v1/user/ops/prospects?startDate=2024-01-01&endDate=2024-02-01")).willReturn(okJson(
        "[{\"id\":\"p1\",\"Email\":\"a@x.test\",\"Company\":\"Acme\"}]")));
    API.stubFor(get(urlEqualTo("/apis/v1/user/ops/cadences?username=ann")).willReturn(okJson(
        "[{\"id\":\"c1\",\"name\":\"Outbound\",\"owner\":\"ann\",\"isActive\":\"true\"}]")));
    try (Connection c = connect(KLENTY)) {
      assertEquals(List.of(List.of("p1", "Acme")), rows(c, "select id, Company from ProspectByCreationDate "
          + "where startDate = date '2024-01-01' and endDate = date '2024-02-01'"));
      assertEquals(List.of(List.of("c1", "Outbound")), rows(c, "select id, name from UserCadences where owner = 'ann'"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void hrbcOptionsReadsAnXmlListAfterTheTokenCalls() throws Exception {
    install("hrbc", "Options");
    API.stubFor(get(urlPathEqualTo("/v1/oauth")).willReturn(okXml("<Authentication><Code>c-1</Code></Authentication>")));
    API.stubFor(post(urlEqualTo("/v1/token")).willReturn(okXml(
        "<Authentication><AccessToken>t-2</AccessToken></Authentication>")));
    API.stubFor(get(urlEqualTo("/v1/option?partition=9&count=100")).withHeader("X-porters-hrbc-oauth-token",
        equalTo("t-2")).willReturn(okXml("<Option><Item><Option.P_Id>1</Option.P_Id><Option.P_Name>Tokyo</Option.P_Name>"
            + "<Option.P_Alias>Option.P_Tokyo</Option.P_Alias></Item><Item><Option.P_Id>2</Option.P_Id>"
            + "<Option.P_Name>Osaka</Option.P_Name><Option.P_ParentId>1</Option.P_ParentId></Item></Option>")));
    try (Connection c = connect("ProfileSettings='app_id=a1;secret=s-1;redirect_url=http://localhost/cb;partition=9'")) {
      assertEquals(List.of(Arrays.asList(1, "Tokyo", null), List.of(2, "Osaka", 1)),
          rows(c, "select Id, Name, ParentId from Options"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }
}

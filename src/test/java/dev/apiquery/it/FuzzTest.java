package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apiquery.profile.Profile;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ProfileLoader;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.TableDef;
import dev.apiquery.response.DataModel;
import dev.apiquery.response.MalformedResponseException;
import dev.apiquery.response.ReadSpec;
import dev.apiquery.response.ResponseFormat;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.response.ResponseReaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never escapes as anything but the documented failure: seeded mutations of the demo
 * profiles and of sample responses, thousands of cases, a fixed seed so a failure replays. At the
 * unit level a profile may only fail with ProfileException and a body with
 * MalformedResponseException; through JDBC only SQLException may reach the caller, and nothing
 * hangs.
 */
class FuzzTest extends ApiTestSupport {
  private static final long SEED = 20261128L;
  private static final String ALPHABET = "<>&\"'[]{}|/=;:.#@$ \n\t\u00a0xX0-9_:api";

  private static final String BODY = """
      {"total": 3, "next": "/items?page=2", "items": [
        {"id": 1, "name": "Ann", "score": 4.5, "active": true, "created": "2024-01-05T09:12:00Z",
         "address": {"city": "Oslo"}, "tags": ["a", "b"]},
        {"id": 2, "name": null, "score": "x", "active": "yes", "created": "nope", "address": [], "tags": {}},
        {"id": 3}
      ]}""";

  private static final String PROFILE = """
      <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <api:info title="Items" desc="Fuzzed" xmlns:other="http://apiscript.com/ns?v1">
          <attr name="id" xs:type="int" key="true" other:xPath="id"/>
          <attr name="name" xs:type="string" other:xPath="name"/>
          <attr name="score" xs:type="double" other:xPath="score"/>
          <attr name="active" xs:type="boolean" other:xPath="active"/>
          <attr name="created" xs:type="datetime" other:xPath="created"/>
          <attr name="city" xs:type="string" other:xPath="address/city"/>
          <attr name="tags" other:xPath="tags[0]"/>
          <input name="q" xs:type="string" def="2024-01-05"/>
        </api:info>
        <api:set attr="JSONPath" value="$.items"/>
        <api:script method="GET">
          <api:set attr="URI" value="${BASE}/items?q=[_input.q | tolower]&amp;since=[_input.q | todate('yyyy-MM-dd')]"/>
          <api:check attr="_input.q"><api:set attr="Header:Name#1" value="X-Q"/><api:set attr="Header:Value#1" value="[_input.q]"/></api:check>
          <api:call op="jsonproviderGet"><api:push/></api:call>
        </api:script>
      </api:script>
      """;

  private static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(5)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> sb.setLength(at); // cut off
        default -> {
          int end = Math.min(sb.length(), at + 1 + random.nextInt(40));
          sb.insert(random.nextInt(sb.length()), sb.substring(at, end)); // duplicate a piece
        }
      }
    }
    return sb.toString();
  }

  /** Both outcomes must occur, or the fuzzing proved nothing. */
  private static void bothOutcomes(int ok, int failed) {
    if (ok == 0 || failed == 0) {
      fail("a fuzz run must see both outcomes: " + ok + " succeeded, " + failed + " failed");
    }
  }

  @Test
  void mutatedProfilesFailOnlyWithProfileErrors() {
    Random random = new Random(SEED);
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3000; i++) {
        String text = mutate(PROFILE.replace("${BASE}", "http://127.0.0.1:9"), random);
        Path file = profileDir.resolve("Items.rsd");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
          Profile profile = ProfileLoader.load(file.toString());
          for (TableDef table : profile.tables()) {
            table.script().prepareSelect(new ScriptContext(Map.of("q", "2024-01-05"), Map.of(), Map.of()));
          }
          outcomes[0]++;
        } catch (ProfileException expected) {
          outcomes[1]++;
        } catch (RuntimeException | Error e) {
          throw new AssertionError("case " + i + " escaped with " + e + " for profile:\n" + text, e);
        }
      }
    });
    bothOutcomes(outcomes[0], outcomes[1]);
  }

  @Test
  void mutatedBodiesFailOnlyAsMalformed() {
    Random random = new Random(SEED + 1);
    ResponseReader reader = ResponseReaders.create(new ReadSpec(ResponseFormat.JSON, "$.items",
        DataModel.DOCUMENT, List.of("id", "name", "score", "active", "created", "address/city",
            "tags[0]", "/json/total"), List.of("/json/next")));
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 5000; i++) {
        String body = mutate(BODY, random);
        try {
          reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
          outcomes[0]++;
        } catch (MalformedResponseException expected) {
          outcomes[1]++;
        } catch (IOException | RuntimeException | Error e) {
          throw new AssertionError("case " + i + " escaped with " + e + " for body:\n" + body, e);
        }
      }
    });
    bothOutcomes(outcomes[0], outcomes[1]);
  }

  @Test
  void throughJdbcOnlySqlExceptionsReachTheCaller() throws Exception {
    Random random = new Random(SEED + 2);
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      for (int i = 0; i < 150; i++) {
        String body = random.nextBoolean() ? mutate(BODY, random) : BODY;
        String profile = random.nextInt(3) == 0 ? mutate(PROFILE, random) : PROFILE;
        API.resetAll();
        API.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(random.nextInt(10) == 0 ? 500 : 200)
            .withHeader("Content-Type", "application/json").withBody(body)));
        Files.writeString(profileDir.resolve("Items.rsd"), profile.replace("${BASE}", base()), StandardCharsets.UTF_8);
        try (Connection c = connect("MaxRetries=0;Timeout=5"); Statement st = c.createStatement()) {
          st.setQueryTimeout(10);
          String sql = switch (random.nextInt(4)) {
            case 0 -> "select * from items";
            case 1 -> "select name, city from items where q = '2024-02-01' limit 2";
            case 2 -> "select count(*) from items where score > 1";
            default -> "select tags, created from items order by id desc";
          };
          rows(st.executeQuery(sql));
          outcomes[0]++;
        } catch (SQLException expected) {
          outcomes[1]++;
        } catch (RuntimeException | Error e) {
          fail("case " + i + " escaped JDBC with " + e + "\nprofile:\n" + profile + "\nbody:\n" + body, e);
        }
      }
    });
    bothOutcomes(outcomes[0], outcomes[1]);
  }
}

package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.adapters.web.support.WriteEndpoints;
import org.personalshopper.adapters.web.support.WriteEndpoints.Case;
import org.personalshopper.adapters.web.support.WriteEndpoints.Field;
import org.personalshopper.adapters.web.support.WriteEndpoints.Kind;

/**
 * A table of several hundred invalid bodies per write endpoint, generated from one valid body: each must
 * be refused with a 4xx problem+json, and no use case that writes may run. The valid body itself is
 * accepted, so the refusals are due to the mutations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputHttpTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String UUID_1 = WriteEndpoints.SELECTION_ID;

    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces (or with null {@code value}: removes) the member at {@code pointer} in a copy of {@code valid}. */
    private static String with(ObjectNode valid, String pointer, JsonNode value, boolean remove) {
        ObjectNode copy = valid.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (remove) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            int index = at.last().getMatchingIndex();
            if (remove) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
        return text(copy);
    }

    private static List<String> intMutations() {
        List<String> values = new ArrayList<>(List.of("\"\"", "\"two\"", "1.5", "2.0", "1e2", "99999999999",
                "-99999999999", "[2]", "\"0x10\"", "123456789012345678901234567890", "-0.5", "0.99", "1E1"));
        for (int n : new int[] {0, -1, -2, -99, 100, 101, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            values.add(Integer.toString(n));
        }
        for (int n = 1; n <= 99; n += 7) {
            values.add("\"" + n + "\""); // a number in a string is not a number
            values.add("[" + n + "]");
            values.add("{\"value\":" + n + "}");
        }
        return values;
    }

    private static List<String> wrongTypes(Kind kind) {
        List<String> common = List.of("{}", "{\"k\":\"v\"}", "[]", "[[[]]]", "{\"$ne\":null}",
                "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}", "true", "false");
        List<String> extra = switch (kind) {
            case INT -> intMutations();
            case ID_LIST -> List.of("\"" + UUID_1 + "\"", "5", "null");
            default -> List.of("5", "-1", "1.5", "1e3", "[\"x\"]", "0", "[\"01400943\"]", "{\"value\":\"x\"}",
                    "12345678", "1400943", "9007199254740993");
        };
        List<String> all = new ArrayList<>(common);
        all.addAll(extra);
        return all;
    }

    /** Values of the right JSON type (string) that break the field's rules. */
    private static List<String> badStrings(Field field, String validValue) {
        List<String> values = new ArrayList<>();
        int over = field.maxLength() + 1;
        switch (field.kind()) {
            case ID -> {
                values.addAll(List.of("", " ", "０１４００９４３", "٠١٤٠٠٩٤٣", "x".repeat(over), "-1", "1 2",
                        "'; drop table shoppers; --", "\uD83D\uDE00", "\uD800", "%30%31"));
                for (int length = 0; length <= 30; length++) {
                    if (length != validValue.length() && (length == 0 || length > field.maxLength()
                            || field.maxLength() == 8)) {
                        values.add("1".repeat(length));
                    }
                }
                for (int at = 0; at < validValue.length(); at++) {
                    for (String junk : List.of("g", "-", " ", "\u0000", "\u00e9", "/")) {
                        if (field.maxLength() == 8 && junk.equals("g") || validValue.substring(at, at + 1).equals(junk)) {
                            continue; // letters are allowed in store ids
                        }
                        values.add(validValue.substring(0, at) + junk + validValue.substring(at + 1));
                    }
                }
            }
            case REQUIRED_TEXT, OPTIONAL_TEXT -> {
                if (field.kind() == Kind.REQUIRED_TEXT) {
                    values.addAll(List.of("", "   ", "\t\n", "\u2003\u2003"));
                }
                values.addAll(List.of("x".repeat(over), "\uD83D\uDE00".repeat(over), "\u00e9".repeat(over)));
                for (int length = over; length < over + 25; length++) {
                    values.add("ab ".repeat(length).substring(0, length - 1) + "z");
                }
                int middle = validValue.length() / 2;
                for (int c = 0; c < 0x20; c++) {
                    values.add(validValue.substring(0, middle) + (char) c + validValue.substring(middle));
                }
                for (int c = 0x7F; c <= 0x9F; c++) {
                    values.add(validValue.substring(0, middle) + (char) c + validValue.substring(middle));
                }
            }
            case ENUM -> values.addAll(List.of("", "CURBSIDE", "\uff50\uff49\uff43\uff4b\uff55\uff50", "PICKUP\u0000",
                    "x".repeat(1000), "SHIP", "PICK UP", "PICKUPS", "DELIVER", "0", "null", "PICKUP,DELIVERY"));
            default -> {
            }
        }
        return values;
    }

    /** The generated table for one endpoint: structural, per-field and raw-text mutations. */
    private static List<Case> mutations(String validBody, List<Field> fields) {
        ObjectNode valid = parse(validBody);
        String validText = text(valid);
        List<Case> cases = new ArrayList<>();
        for (Field field : fields) {
            if (field.required()) {
                cases.add(Case.json("drop " + field.pointer(), with(valid, field.pointer(), null, true)));
                cases.add(Case.json("null " + field.pointer(), with(valid, field.pointer(),
                        com.fasterxml.jackson.databind.node.NullNode.instance, false)));
            }
            for (String wrong : wrongTypes(field.kind())) {
                if (!field.required() && wrong.equals("null")) {
                    continue;
                }
                if (field.kind() == Kind.ID_LIST && wrong.equals("null")) {
                    continue; // covered by "null" above
                }
                cases.add(Case.json("wrong type " + field.pointer() + "=" + wrong,
                        with(valid, field.pointer(), parseValue(wrong), false)));
            }
            JsonNode current = valid.at(field.pointer());
            for (String bad : badStrings(field, current.isTextual() ? current.asText() : "")) {
                cases.add(Case.json("bad value " + field.pointer() + "=" + abbreviate(bad),
                        with(valid, field.pointer(), com.fasterxml.jackson.databind.node.TextNode.valueOf(bad), false)));
            }
            String name = field.name();
            if (!name.matches("\\d+") && field.pointer().indexOf('/', 1) < 0) {
                String value = text(valid.at(field.pointer()));
                cases.add(Case.json("duplicate " + name, "{\"" + name + "\":" + value + "," + validText.substring(1)));
                cases.add(Case.json("case variant of " + name,
                        with(valid, "/" + Character.toUpperCase(name.charAt(0)) + name.substring(1), valid.at(field.pointer()), false)));
                for (int at = 0; at < name.length(); at++) {
                    String shorter = name.substring(0, at) + name.substring(at + 1);
                    String flipped = name.substring(0, at) + flipCase(name.charAt(at)) + name.substring(at + 1);
                    cases.add(Case.json("key " + shorter, renameKey(validText, name, shorter)));
                    cases.add(Case.json("key " + flipped, renameKey(validText, name, flipped)));
                }
                cases.add(Case.json("key with space", renameKey(validText, name, name + " ")));
                cases.add(Case.json("key with leading space", renameKey(validText, name, " " + name)));
                cases.add(Case.json("huge " + name, with(valid, field.pointer(),
                        com.fasterxml.jackson.databind.node.TextNode.valueOf("y".repeat(70_000)), false)));
            }
        }
        for (String extra : List.of("\"extra\":1", "\"__proto__\":{}", "\"constructor\":null", "\"\":\"\"",
                "\"id\":\"" + UUID_1 + "\"", "\"shopperId\":\"" + FakeUseCases.SHOPPER + "\"", "\"createdAt\":\"2026-01-01T00:00:00Z\"")) {
            cases.add(Case.json("extra property " + extra, "{" + extra + "," + validText.substring(1)));
        }
        for (int cut = 0; cut < validText.length(); cut++) {
            cases.add(Case.json("truncated at " + cut, validText.substring(0, cut)));
        }
        for (String whole : List.of("null", "[]", "[" + validText + "]", "\"" + validText.replace("\"", "\\\"") + "\"", "42",
                "true", "{}", validText + "x", validText + validText, validText + "]", "{,}", "{'text':'single quotes'}",
                validText.substring(0, validText.length() - 1) + ",}", "/*comment*/" + validText, "{\"quantity\":NaN}",
                "{\"text\":\"unterminated}", "{\"text\":\"\\uZZZZ\"}", "\u0000" + validText, "{\"a\" 1}", "{" + "[".repeat(2000),
                "[".repeat(5000) + "]".repeat(5000), "{}".repeat(1000))) {
            cases.add(Case.json("whole body " + abbreviate(whole), whole));
        }
        byte[] broken = validText.getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = new byte[broken.length + 2];
        int quote = validText.indexOf(":\"") + 2;
        System.arraycopy(broken, 0, invalidUtf8, 0, quote);
        invalidUtf8[quote] = (byte) 0xC3;
        invalidUtf8[quote + 1] = (byte) 0x28;
        System.arraycopy(broken, quote, invalidUtf8, quote + 2, broken.length - quote);
        cases.add(new Case("invalid UTF-8", "application/json", invalidUtf8));
        byte[] utf16 = validText.getBytes(StandardCharsets.UTF_16LE);
        cases.add(new Case("UTF-16 declared as UTF-8", "application/json; charset=utf-8", utf16));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/json",
                "multipart/form-data; boundary=b", "application/octet-stream", "application/jsonx", "*/*", "", "json",
                "application/problem+json", "application/merge-patch+json", "application/json-patch+json", "text/html",
                "application/javascript", "image/png", "application/json; charset=utf-16", "application/json; charset=latin1",
                "application/*", "application/json;;;=")) {
            cases.add(new Case("content type " + type, type, validText.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("no content type", null, validText.getBytes(StandardCharsets.UTF_8)));
        return cases;
    }

    private static char flipCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private static String renameKey(String json, String from, String to) {
        return json.replace("\"" + from + "\":", "\"" + to + "\":");
    }

    private static JsonNode parseValue(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "...(" + s.length() + ")" : s;
    }

    private HttpResponse<String> send(String method, String path, Case c) {
        HttpRequest.Builder builder = web.signedIn(path).method(method, HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            builder.header("Content-Type", c.contentType());
        }
        return web.send(builder.build());
    }

    /** Sends every case and returns a line per case that was not refused properly; none expected. */
    private List<String> refusals(String method, String path, List<Case> cases) {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(method, path, c);
            String type = response.headers().firstValue("Content-Type").orElse("");
            int status = response.statusCode();
            if (status < 400 || status > 499) {
                wrong.add(c.label() + " -> " + status + " " + abbreviate(response.body()));
            } else if (!type.startsWith("application/problem+json")) {
                wrong.add(c.label() + " -> " + status + " as " + type);
            } else {
                JsonNode problem = Json.parse(response.body());
                if (problem.path("status").asInt() != status || problem.path("type").asText().isEmpty()
                        || response.body().contains("Exception") || response.body().contains("\tat ")) {
                    wrong.add(c.label() + " -> bad problem " + abbreviate(response.body()));
                }
            }
            if (fakes.writes.get() != 0) {
                wrong.add(c.label() + " -> reached the use case");
                fakes.writes.set(0);
            }
        }
        return wrong;
    }

    private void assertAllRefusedThenValidAccepted(WriteEndpoints.Endpoint endpoint, int expectedSuccess) {
        List<Case> cases = mutations(endpoint.validBody(), endpoint.fields());
        assertThat(cases).hasSizeGreaterThan(200);

        assertThat(refusals(endpoint.method(), endpoint.path(), cases)).isEmpty();
        assertThat(fakes.writes).hasValue(0);

        HttpResponse<String> accepted = send(endpoint.method(), endpoint.path(), Case.json("valid", endpoint.validBody()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(expectedSuccess);
        assertThat(fakes.writes).hasValue(1);
    }

    @Test
    void choosingAStoreRefusesEveryMutatedBody() {
        assertAllRefusedThenValidAccepted(WriteEndpoints.CHOOSE_STORE, 200);
        assertThat(fakes.shopper.preferredLocation()).isPresent();
    }

    @Test
    void addingGuidanceRefusesEveryMutatedBody() {
        assertAllRefusedThenValidAccepted(WriteEndpoints.ADD_GUIDANCE, 201);
        assertThat(fakes.guidance).hasSize(1);
    }

    @Test
    void savingASelectionRefusesEveryMutatedBody() {
        assertAllRefusedThenValidAccepted(WriteEndpoints.SAVE_SELECTION, 201);
        assertThat(fakes.selections).hasSize(1);
    }

    @Test
    void fillingTheCartWithItemsRefusesEveryMutatedBody() {
        assertAllRefusedThenValidAccepted(WriteEndpoints.FILL_CART_WITH_ITEMS, 204);
    }

    @Test
    void fillingTheCartWithSelectionsRefusesEveryMutatedBody() {
        assertAllRefusedThenValidAccepted(WriteEndpoints.FILL_CART_WITH_SELECTIONS, 204);
    }

    @Test
    void cartBodiesThatMixOrOverfillAreRefused() {
        String item = "{\"upc\":\"0001111041700\",\"quantity\":1}";
        String id = "\"" + UUID_1 + "\"";
        List<Case> cases = List.of(
                Case.json("both", "{\"items\":[" + item + "],\"selectionIds\":[" + id + "]}"),
                Case.json("51 items", "{\"items\":[" + (item + ",").repeat(50) + item + "]}"),
                Case.json("51 ids", "{\"selectionIds\":[" + String.join(",", java.util.Collections.nCopies(51, id)) + "]}"),
                Case.json("same id twice", "{\"selectionIds\":[" + id + "," + id + "]}"),
                Case.json("null item", "{\"items\":[null]}"),
                Case.json("empty ids", "{\"selectionIds\":[]}"),
                Case.json("null id", "{\"selectionIds\":[null]}"));
        assertThat(refusals("POST", "/api/cart", cases)).isEmpty();
    }
}

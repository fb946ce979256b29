package org.personalshopper.adapters.web.support;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.personalshopper.adapters.web.support.WriteEndpoints.Case;
import org.personalshopper.adapters.web.support.WriteEndpoints.Endpoint;
import org.personalshopper.adapters.web.support.WriteEndpoints.Field;
import org.personalshopper.adapters.web.support.WriteEndpoints.Kind;

/**
 * Generates request bodies that a write endpoint must refuse, from its valid body and field rules: each
 * body carries one to three mutations, every one of which alone makes the request invalid (a required
 * field gone or null, a value of the wrong JSON type or breaking the field's rule, an unknown or repeated
 * property), and sometimes a broken envelope on top (truncated or trailing text, another JSON value,
 * invalid UTF-8, a wrong content type, a body over the size limit). Values are random: strings of random
 * length and alphabet (ASCII, Latin, CJK, emoji, controls), numbers of random magnitude and form.
 *
 * <p>Seeded: the same seed makes the same bodies, so a failure names its seed and case number and can be
 * replayed. Written for this project on {@link Random} rather than a property-testing library: see the
 * commit that added it.
 */
public final class HostileBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MODALITIES = Set.of("PICKUP", "DELIVERY");
    private static final int BODY_LIMIT = 64 * 1024;
    /** Marks a key to be written as the name that follows it: a repeated property. */
    private static final String DUPLICATE = "\u0000dup\u0000";
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "text/json", "multipart/form-data; boundary=b", "application/octet-stream",
            "application/jsonx", "text/html", "application/json; charset=utf-16", "application/json; charset=latin1");
    private static final String[] ALPHABETS = {
            "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "0123456789",
            " \t\n", "éüßñøçå", "日本語の文字列", "\uD83D\uDE00\uD83E\uDD66\uD83C\uDF4E", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
            "\u0000\u0001\u001f\u007f\u0085\u009f"};

    private final Random random;
    private final long seed;

    public HostileBodies(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** The next body for {@code endpoint}; its label says what was done, for the failure message. */
    public Case next(Endpoint endpoint) {
        ObjectNode body = parse(endpoint.validBody());
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            done.add(breakOnce(body, endpoint.fields()));
        }
        String text = write(body);
        if (random.nextInt(4) == 0) {
            return envelope(text, done);
        }
        return Case.json(String.join("; ", done), text);
    }

    /** One mutation that alone makes the body invalid; returns what it did. */
    private String breakOnce(ObjectNode body, List<Field> fields) {
        Field field = fields.get(random.nextInt(fields.size()));
        if (body.at(JsonPointer.compile(field.pointer()).head()).isMissingNode()) {
            // an earlier mutation replaced the field's parent: break the top level instead
            return unknownProperty(body, fields);
        }
        return switch (random.nextInt(10)) {
            case 0 -> field.required() ? remove(body, field) : unknownProperty(body, fields);
            case 1 -> field.required() ? set(body, field, NullNode.instance, "null") : unknownProperty(body, fields);
            case 2, 3 -> set(body, field, wrongType(field), "wrong type");
            case 4, 5, 6 -> set(body, field, badValue(field), "bad value");
            case 7 -> unknownProperty(body, fields);
            case 8 -> duplicateKey(body, fields);
            default -> set(body, field, wrongType(field), "wrong type");
        };
    }

    private Case envelope(String text, List<String> done) {
        String label = String.join("; ", done);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(7)) {
            case 0 -> Case.json(label + "; truncated", text.substring(0, random.nextInt(text.length())));
            case 1 -> Case.json(label + "; trailing text", text + randomFrom(List.of("x", "}", "]", ",", text, " 1", "{}")));
            case 2 -> Case.json("another JSON value", write(randomNonObject()));
            case 3 -> {
                byte[] broken = new byte[bytes.length + 2];
                int at = 1 + random.nextInt(bytes.length - 1);
                System.arraycopy(bytes, 0, broken, 0, at);
                broken[at] = (byte) (0x80 + random.nextInt(0x40));
                broken[at + 1] = (byte) (0xC0 + random.nextInt(0x40));
                System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
                yield new Case(label + "; invalid UTF-8 at " + at, "application/json", broken);
            }
            case 4 -> new Case(label + "; content type", randomFrom(WRONG_CONTENT_TYPES), bytes);
            case 5 -> new Case(label + "; no content type", null, bytes);
            default -> Case.json(label + "; over the size limit", "{\"pad\":\"" + "p".repeat(BODY_LIMIT + random.nextInt(4096))
                    + "\"," + text.substring(1));
        };
    }

    private String remove(ObjectNode body, Field field) {
        JsonPointer at = JsonPointer.compile(field.pointer());
        JsonNode parent = body.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.remove(at.last().getMatchingProperty());
            object.remove(DUPLICATE + at.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.removeAll();
        }
        return "removed " + field.pointer();
    }

    private String set(ObjectNode body, Field field, JsonNode value, String what) {
        JsonPointer at = JsonPointer.compile(field.pointer());
        JsonNode parent = body.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            if (at.last().getMatchingIndex() < array.size()) {
                array.set(at.last().getMatchingIndex(), value);
            } else {
                array.add(value);
            }
        }
        return what + " " + field.pointer() + "=" + abbreviate(write(value));
    }

    private String unknownProperty(ObjectNode body, List<Field> fields) {
        Set<String> known = fields.stream().map(Field::name).collect(Collectors.toSet());
        String name;
        do {
            name = randomString(1 + random.nextInt(12));
        } while (known.contains(name));
        body.set(name, randomJson(2));
        return "unknown property " + abbreviate(name);
    }

    /** A top-level property written twice: JSON objects with repeated keys are refused, not last-wins. */
    private String duplicateKey(ObjectNode body, List<Field> fields) {
        List<String> topLevel = fields.stream().map(Field::pointer).filter(p -> p.indexOf('/', 1) < 0)
                .map(p -> p.substring(1)).filter(body::has).toList();
        if (topLevel.isEmpty()) {
            return unknownProperty(body, fields);
        }
        String name = randomFrom(topLevel);
        body.set(DUPLICATE + name, body.get(name));
        return "duplicate " + name;
    }

    /** A JSON value of a type the field never takes. */
    private JsonNode wrongType(Field field) {
        List<JsonNode> choices = new ArrayList<>(List.of(NODES.objectNode(), randomObject(2), BooleanNode.valueOf(random.nextBoolean())));
        switch (field.kind()) {
            case INT -> {
                choices.add(TextNode.valueOf(Integer.toString(1 + random.nextInt(99))));
                choices.add(NODES.arrayNode().add(1 + random.nextInt(99)));
                choices.add(NODES.numberNode(random.nextInt(99) + 0.5));
            }
            case ID_LIST -> {
                choices.add(TextNode.valueOf(randomString(random.nextInt(40))));
                choices.add(NODES.numberNode(random.nextInt()));
            }
            default -> {
                choices.add(NODES.numberNode(random.nextLong()));
                choices.add(NODES.numberNode(random.nextDouble() * 1e6));
                choices.add(NODES.arrayNode().add(randomString(8)));
            }
        }
        return randomFrom(choices);
    }

    /** A value of the field's own JSON type that breaks its rule. */
    private JsonNode badValue(Field field) {
        return switch (field.kind()) {
            case INT -> randomFrom(List.of(NODES.numberNode(-random.nextInt(1000)), NODES.numberNode(100 + random.nextInt(100_000)),
                    NODES.numberNode(new BigInteger(70 + random.nextInt(60), random).add(BigInteger.valueOf(100))),
                    NODES.numberNode(new BigInteger(70 + random.nextInt(60), random).negate())));
            case ID -> TextNode.valueOf(badId(field));
            case REQUIRED_TEXT, OPTIONAL_TEXT -> TextNode.valueOf(badText(field));
            case ENUM -> TextNode.valueOf(badEnum());
            case ID_LIST -> random.nextBoolean() ? NODES.arrayNode()
                    : tooLongList(field);
        };
    }

    private String badId(Field field) {
        switch (random.nextInt(4)) {
            case 0 -> {
                return random.nextBoolean() ? "" : " ".repeat(1 + random.nextInt(3));
            }
            case 1 -> {
                return randomFrom(field.allowed()).repeat(field.maxLength() + 1 + random.nextInt(30));
            }
            default -> {
                // a character the field never allows, somewhere in an otherwise plausible id
                int length = 1 + random.nextInt(field.maxLength());
                StringBuilder id = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    id.append(randomFrom(field.allowed()));
                }
                String forbidden;
                do {
                    forbidden = randomString(1);
                } while (forbidden.codePoints().allMatch(c -> field.allowed().indexOf(c) >= 0));
                id.insert(random.nextInt(id.length() + 1), forbidden);
                return id.toString();
            }
        }
    }

    private String badText(Field field) {
        int choice = random.nextInt(field.required() ? 3 : 2);
        if (choice == 0) {
            StringBuilder longer = new StringBuilder();
            int length = field.maxLength() + 1 + random.nextInt(random.nextBoolean() ? 20 : 2_000);
            String letters = randomFrom(List.of("abcdefghij", "éüßñøçå", "日本語の文字列", "\uD83D\uDE00\uD83E\uDD66"));
            for (int i = 0; i < length; i++) {
                longer.appendCodePoint(letters.codePointAt(letters.offsetByCodePoints(0, random.nextInt(letters.codePointCount(0, letters.length())))));
            }
            return longer.toString();
        }
        if (choice == 1) {
            String around = randomString(1 + random.nextInt(20)).replaceAll("\\p{Cntrl}", "");
            char control = (char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21));
            int at = random.nextInt(around.length() + 1);
            // a control character inside (not at the ends, which trimming might take away)
            return "a" + around.substring(0, at) + control + around.substring(at) + "z";
        }
        return randomFrom(List.of("", " ", "\t", "\n\n", "\u2003", " \u3000 "));
    }

    private String badEnum() {
        String value;
        do {
            value = randomString(random.nextInt(12));
        } while (MODALITIES.contains(value.strip().toUpperCase(Locale.ROOT)));
        return value;
    }

    private ArrayNode tooLongList(Field field) {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < 51 + random.nextInt(20); i++) {
            list.add(field.pointer().startsWith("/items")
                    ? NODES.objectNode().put("upc", "0001111041700").put("quantity", 1)
                    : TextNode.valueOf(WriteEndpoints.SELECTION_ID));
        }
        return list;
    }

    private JsonNode randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NullNode.instance;
            case 1 -> BooleanNode.valueOf(random.nextBoolean());
            case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.numberNode(random.nextGaussian() * 1e9);
            case 3, 4 -> TextNode.valueOf(randomString(random.nextInt(40)));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < random.nextInt(4); i++) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> randomObject(depth - 1);
        };
    }

    private ObjectNode randomObject(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < random.nextInt(4); i++) {
            object.set(randomString(1 + random.nextInt(8)), randomJson(depth - 1));
        }
        return object;
    }

    private JsonNode randomNonObject() {
        JsonNode value;
        do {
            value = randomJson(2);
        } while (value.isObject());
        return value;
    }

    private String randomString(int length) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder text = new StringBuilder();
        int points = alphabet.codePointCount(0, alphabet.length());
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
                points = alphabet.codePointCount(0, alphabet.length());
            }
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(points))));
        }
        return text.toString();
    }

    private String randomFrom(String characters) {
        return String.valueOf(characters.charAt(random.nextInt(characters.length())));
    }

    private <T> T randomFrom(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** JSON text; a key marked by {@link #duplicateKey} is written as its field's name, a second time. */
    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).replaceAll("\\\\u0000dup\\\\u0000", "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }
}

package org.personalshopper.adapters.web.support;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every write endpoint that takes a JSON body, with a valid body and the rule of each field: what the tests
 * of bad input break, by table ({@code BadInputHttpTest}) or by generation ({@link HostileBodies}).
 */
public final class WriteEndpoints {
    public static final String SELECTION_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";

    /** What a field holds, which decides the values that break it. */
    public enum Kind { ID, REQUIRED_TEXT, OPTIONAL_TEXT, INT, ENUM, ID_LIST }

    /** A field at a JSON pointer; for IDs and text, {@code maxLength}; IDs also have the characters they allow. */
    public record Field(String pointer, Kind kind, boolean required, int maxLength, String allowed) {
        public Field(String pointer, Kind kind, boolean required, int maxLength) {
            this(pointer, kind, required, maxLength, "0123456789");
        }

        public String name() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }
    }

    /** One request: a label saying how it was made, its content type (null: none) and body bytes. */
    public record Case(String label, String contentType, byte[] body) {
        public static Case json(String label, String body) {
            return new Case(label, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A write endpoint, the body it accepts and its fields. */
    public record Endpoint(String method, String path, String validBody, List<Field> fields) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static final List<Field> LOCATION = List.of(new Field("/locationId", Kind.ID, true, 8, LETTERS_AND_DIGITS));
    public static final List<Field> GUIDANCE = List.of(new Field("/text", Kind.REQUIRED_TEXT, true, 500));
    public static final List<Field> SELECTION = List.of(
            new Field("/item", Kind.REQUIRED_TEXT, true, 200), new Field("/productId", Kind.ID, true, 14),
            new Field("/upc", Kind.ID, true, 14), new Field("/description", Kind.OPTIONAL_TEXT, false, 500),
            new Field("/brand", Kind.OPTIONAL_TEXT, false, 200), new Field("/size", Kind.OPTIONAL_TEXT, false, 100),
            new Field("/quantity", Kind.INT, true, 0));
    public static final List<Field> CART_ITEMS = List.of(
            new Field("/items", Kind.ID_LIST, true, 0), new Field("/items/0/upc", Kind.ID, true, 14),
            new Field("/items/0/quantity", Kind.INT, true, 0), new Field("/items/0/modality", Kind.ENUM, false, 8),
            new Field("/modality", Kind.ENUM, false, 8));
    public static final List<Field> CART_SELECTIONS = List.of(
            new Field("/selectionIds", Kind.ID_LIST, true, 0),
            new Field("/selectionIds/0", Kind.ID, true, 36, "0123456789abcdefABCDEF-"),
            new Field("/modality", Kind.ENUM, false, 8));

    public static final Endpoint CHOOSE_STORE = new Endpoint("PUT", "/api/user/location", "{\"locationId\":\"01400943\"}",
            LOCATION);
    public static final Endpoint ADD_GUIDANCE = new Endpoint("POST", "/api/guidance", "{\"text\":\"prefer organic\"}", GUIDANCE);
    public static final Endpoint SAVE_SELECTION = new Endpoint("POST", "/api/selections", "{\"item\":\"milk\","
            + "\"productId\":\"0001111041700\",\"upc\":\"0001111041700\",\"description\":\"Kroger 2% Reduced Fat Milk\","
            + "\"brand\":\"Kroger\",\"size\":\"1 gal\",\"quantity\":2}", SELECTION);
    public static final Endpoint FILL_CART_WITH_ITEMS = new Endpoint("POST", "/api/cart",
            "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2,\"modality\":\"PICKUP\"}],\"modality\":\"DELIVERY\"}",
            CART_ITEMS);
    public static final Endpoint FILL_CART_WITH_SELECTIONS = new Endpoint("POST", "/api/cart",
            "{\"selectionIds\":[\"" + SELECTION_ID + "\"],\"modality\":\"PICKUP\"}", CART_SELECTIONS);

    /** Every write endpoint with a JSON body (the cart twice: its two shapes of body). */
    public static final List<Endpoint> ALL = List.of(CHOOSE_STORE, ADD_GUIDANCE, SAVE_SELECTION, FILL_CART_WITH_ITEMS,
            FILL_CART_WITH_SELECTIONS);

    private WriteEndpoints() {
    }
}

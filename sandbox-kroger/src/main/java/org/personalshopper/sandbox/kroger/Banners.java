package org.personalshopper.sandbox.kroger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 24 banner values Kroger's authorize page accepts, with the name the consent page shows. */
final class Banners {

    static final String DEFAULT = "kroger";

    private static final Map<String, String> DISPLAY_NAMES = build();

    private Banners() {
    }

    static Optional<String> displayName(String banner) {
        return Optional.ofNullable(DISPLAY_NAMES.get(banner));
    }

    private static Map<String, String> build() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("bakers", "Baker's");
        names.put("citymarket", "City Market");
        names.put("dillons", "Dillons");
        names.put("fredmeyer", "Fred Meyer");
        names.put("frys", "Fry's");
        names.put("gerbes", "Gerbes");
        names.put("kingsoopers", "King Soopers");
        names.put("kroger", "Kroger");
        names.put("metromarket", "Metro Market");
        names.put("picknsave", "Pick 'n Save");
        names.put("qfc", "QFC");
        names.put("ralphs", "Ralphs");
        names.put("smiths", "Smith's");
        names.put("food4less", "Food 4 Less");
        names.put("foodsco", "FoodsCo");
        names.put("harristeeter", "Harris Teeter");
        names.put("vons", "Vons");
        names.put("fredmeyerjewelers", "Fred Meyer Jewelers");
        names.put("jaycfoods", "Jay C Food Stores");
        names.put("marianos", "Mariano's");
        names.put("payless", "Pay Less");
        names.put("ppsrx", "PPS Rx");
        names.put("rulerfoods", "Ruler Foods");
        names.put("copps", "Copps");
        return Map.copyOf(names);
    }
}

package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.GuidanceRepositoryContract;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

/** The jOOQ GuidanceRepository against its contract, and what only the database adds. */
class GuidanceRepositoryTest extends DatabaseTest implements GuidanceRepositoryContract {
    @Override
    public GuidanceRepository guidance() {
        return persistence.guidance();
    }

    private static Guidance entry(ShopperId shopper, String text, Instant createdAt) {
        return new Guidance(GuidanceId.random(), shopper, new GuidanceText(text), createdAt);
    }

    private static Guidance stored(Guidance entry) {
        return new Guidance(entry.id(), entry.shopperId(), entry.text(), micros(entry.createdAt()));
    }

    @Test
    void guidanceForAnUnknownShopperIsRefused() {
        assertThatThrownBy(() -> guidance().addIfFewerThan(entry(ShopperId.random(), "orphan", T0), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredEntryWhoseTextTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        Guidance organic = entry(shopper, "prefer organic", T0);
        guidance().addIfFewerThan(organic, 10);
        rawUpdate("update guidance set text = ? where id = ?", "Private\u0007allergy", organic.id().value());

        assertStoredRowRefused(() -> guidance().list(shopper), "guidance", "text", "Private");
    }
}

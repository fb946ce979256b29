package org.personalshopper.application.service;

import java.util.List;
import java.util.Objects;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

/** The shopper's shopping preferences, at most {@link Guidance#MAX_PER_SHOPPER} each. */
public final class ManageGuidanceService implements ManageGuidance {
    private final GuidanceRepository guidance;
    private final Clock clock;

    public ManageGuidanceService(GuidanceRepository guidance, Clock clock) {
        this.guidance = Objects.requireNonNull(guidance, "guidance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Guidance> list(ShopperId shopperId) {
        return guidance.list(shopperId);
    }

    @Override
    public Guidance add(ShopperId shopperId, GuidanceText text) {
        Guidance entry = new Guidance(GuidanceId.random(), shopperId, text, clock.now());
        if (!guidance.addIfFewerThan(entry, Guidance.MAX_PER_SHOPPER)) {
            throw new LimitReachedException("a shopper keeps at most " + Guidance.MAX_PER_SHOPPER + " guidance entries");
        }
        return entry;
    }

    @Override
    public void remove(ShopperId shopperId, GuidanceId id) {
        if (!guidance.delete(shopperId, id)) {
            throw new NotFoundException("guidance");
        }
    }
}

package org.personalshopper.application.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.ShopperId;

public final class InMemoryGuidanceRepository implements GuidanceRepository {
    private final List<Guidance> entries = new ArrayList<>();

    @Override
    public synchronized boolean addIfFewerThan(Guidance guidance, int limit) {
        if (count(guidance.shopperId()) >= limit) {
            return false;
        }
        entries.add(guidance);
        return true;
    }

    @Override
    public synchronized List<Guidance> list(ShopperId shopperId) {
        return entries.stream().filter(g -> g.shopperId().equals(shopperId))
                .sorted(Comparator.comparing(Guidance::createdAt)).toList();
    }

    @Override
    public synchronized int count(ShopperId shopperId) {
        return (int) entries.stream().filter(g -> g.shopperId().equals(shopperId)).count();
    }

    @Override
    public synchronized boolean delete(ShopperId shopperId, GuidanceId id) {
        return entries.removeIf(g -> g.shopperId().equals(shopperId) && g.id().equals(id));
    }
}

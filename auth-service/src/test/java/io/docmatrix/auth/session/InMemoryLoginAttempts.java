package io.docmatrix.auth.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Login failures in a list, for unit tests. */
class InMemoryLoginAttempts implements LoginAttempts {

    private record Failure(String account, String address, Instant at) {}

    private final List<Failure> failures = new ArrayList<>();

    @Override
    public void recordFailure(String account, String address, Instant at) {
        failures.add(new Failure(account, address, at));
    }

    @Override
    public List<Instant> failuresOfAccount(String account, Instant since, int limit) {
        return failures.stream()
                .filter(f -> f.account().equals(account) && f.at().isAfter(since))
                .map(Failure::at)
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Instant> failuresOfAddress(String address, Instant since, int limit) {
        return failures.stream()
                .filter(f -> f.address().equals(address) && f.at().isAfter(since))
                .map(Failure::at)
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .toList();
    }

    @Override
    public void forgetAccount(String account) {
        failures.removeIf(f -> f.account().equals(account));
    }

    @Override
    public void deleteOlderThan(Instant instant) {
        failures.removeIf(f -> f.at().isBefore(instant));
    }
}

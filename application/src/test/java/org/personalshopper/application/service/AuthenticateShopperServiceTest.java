package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.personalshopper.application.fakes.CountingRandomTokens;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryCartSubmissionRepository;
import org.personalshopper.application.fakes.InMemoryLoginAttemptRepository;
import org.personalshopper.application.fakes.InMemorySessionRepository;
import org.personalshopper.application.fakes.InMemoryShopperRepository;
import org.personalshopper.application.fakes.InMemoryConnectionRepository;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.Provider;
import java.util.List;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.AuthenticateShopper.BeginLogin;
import org.personalshopper.application.port.in.AuthenticateShopper.CompleteLogin;
import org.personalshopper.application.port.in.AuthenticateShopper.LoginRedirect;
import org.personalshopper.application.port.in.AuthenticateShopper.SignedIn;
import org.personalshopper.application.port.in.RateLimitedException;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.application.port.in.SignInFailedException.Reason;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.SessionPolicy;
import org.personalshopper.domain.ShopperId;

class AuthenticateShopperServiceTest {
    private static final ProfileId PROFILE = new ProfileId("8b5e3e59-3a8f-4a55-9c1e-6d1b0a3f0c11");
    private static final Provider GROCER = new Provider("testgrocer");
    private static final Provider OTHER = new Provider("othergrocer");
    private static final String CODE = "auth-code-1";
    /** Touch interval = idle / 100 = 36 s. */
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8));

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(transactions);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions);
    private final InMemoryLoginAttemptRepository attempts = new InMemoryLoginAttemptRepository();
    private final InMemoryConnectionRepository tokens = new InMemoryConnectionRepository(transactions, shoppers, sessions);
    private final FakeClock clock = new FakeClock();
    private final CountingRandomTokens random = new CountingRandomTokens();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider(GROCER);
    /** A second provider offering sign-in only, as Foodin does. */
    private final FakeIdentityProvider other = new FakeIdentityProvider(OTHER);
    private final AuthenticateShopperService auth = new AuthenticateShopperService(
            new ConfiguredProviders(List.of(ConfiguredProvider.signInOnly(grocer), ConfiguredProvider.signInOnly(other))),
            shoppers, sessions, attempts, tokens, transactions, clock, random, POLICY);

    /** A started sign-in as the browser sees it: the state the grocer echoes back and the login cookie. */
    private record Started(String state, String binding, LoginRedirect redirect) {
        CompleteLogin callback(String code) {
            return new CompleteLogin(GROCER, Optional.of(state), Optional.of(code), Optional.empty(), Optional.of(binding));
        }
    }

    private Started start(String returnTo) {
        LoginRedirect redirect = auth.beginLogin(new BeginLogin(new ReturnPath(returnTo), Optional.empty()));
        String state = grocer.authorizationRequests().get(grocer.authorizationRequests().size() - 1).state();
        return new Started(state, redirect.browserBinding(), redirect);
    }

    private SignedIn signIn() {
        grocer.willAcceptCode(CODE, PROFILE);
        return auth.completeLogin(start("/lists").callback(CODE));
    }

    @Test
    void beginLoginStoresOnlyHashesAndSendsAnS256ChallengeOfA256BitVerifier() {
        Started started = start("/lists");

        assertThat(started.redirect().authorizationUrl().toString()).startsWith("https://grocer.test/authorize");
        assertThat(started.redirect().expiresAt()).isEqualTo(clock.now().plus(LoginAttempt.LIFETIME));
        assertThat(random.issued()).hasSize(3).allSatisfy(i -> assertThat(i.bytes()).isEqualTo(32));

        LoginAttempt stored = attempts.all().get(0);
        assertThat(stored.stateHash()).isEqualTo(SecretHash.of(started.state()));
        assertThat(stored.browserBindingHash()).isEqualTo(SecretHash.of(started.binding()));
        assertThat(stored.returnTo()).isEqualTo(new ReturnPath("/lists"));
        String verifier = stored.codeVerifier().orElseThrow();
        assertThat(verifier).hasSize(43);

        AuthorizationRequest sent = grocer.authorizationRequests().get(0);
        assertThat(sent.codeChallenge()).contains(sha256Base64Url(verifier));
        assertThat(sent.codeChallenge().orElseThrow()).doesNotContain("=").hasSize(43);
        assertThat(started.redirect().toString()).doesNotContain(started.binding());
    }

    @Test
    void withoutPkceNoChallengeIsSentAndNoVerifierKept() {
        grocer.usePkce(false);
        start("/");
        assertThat(grocer.authorizationRequests().get(0).codeChallenge()).isEmpty();
        assertThat(attempts.all().get(0).codeVerifier()).isEmpty();
    }

    @Test
    void aBannerTheGrocerKnowsBrandsTheSignInPageAndAnUnknownOneIsRefused() {
        auth.beginLogin(new BeginLogin(ReturnPath.HOME, Optional.of(new Banner("ralphs"))));
        assertThat(grocer.authorizationRequests().get(0).banner()).contains(new Banner("ralphs"));

        assertThatThrownBy(() -> auth.beginLogin(new BeginLogin(ReturnPath.HOME, Optional.of(new Banner("nosuchbanner")))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("banner"));
        assertThat(attempts.all()).hasSize(1);
    }

    @Test
    void completingSignInStoresShopperTokensAndSessionInOneTransaction() {
        Started started = start("/lists?week=48");
        grocer.willAcceptCode(CODE, PROFILE);

        SignedIn signedIn = auth.completeLogin(started.callback(CODE));

        assertThat(signedIn.returnTo()).isEqualTo(new ReturnPath("/lists?week=48"));
        assertThat(signedIn.sessionId()).hasSize(43);
        assertThat(signedIn.sessionExpiresAt()).isEqualTo(clock.now().plus(POLICY.idleTimeout()));
        assertThat(signedIn.toString()).doesNotContain(signedIn.sessionId());

        assertThat(shoppers.find(signedIn.shopperId())).isPresent();
        assertThat(tokens.find(signedIn.shopperId(), GROCER)).hasValueSatisfying(t -> {
            assertThat(t.profileId()).isEqualTo(PROFILE);
            assertThat(t.usable()).isTrue();
            assertThat(t.tokens().accessToken()).isEqualTo(grocer.lastIssuedAccessToken());
        });
        Session session = sessions.all().get(0);
        assertThat(session.idHash()).isEqualTo(SecretHash.of(signedIn.sessionId()));
        assertThat(session.shopperId()).isEqualTo(signedIn.shopperId());

        List<InMemoryTransactions.Write> writes = transactions.writes();
        assertThat(writes).extracting(InMemoryTransactions.Write::what)
                .containsExactly("shoppers.create", "connections.save", "sessions.createKeepingNewest");
        OptionalInt tx = writes.get(0).transaction();
        assertThat(tx).isPresent();
        assertThat(writes).allSatisfy(w -> assertThat(w.transaction()).isEqualTo(tx));
        assertThat(transactions.wasCommitted(tx.getAsInt())).isTrue();

        // The code went to the grocer with the verifier whose challenge was on the sign-in URL.
        FakeIdentityProvider.CodeExchange exchange = grocer.codeExchanges().get(0);
        assertThat(exchange.code()).isEqualTo(CODE);
        assertThat(grocer.authorizationRequests().get(0).codeChallenge())
                .contains(sha256Base64Url(exchange.codeVerifier().orElseThrow()));
        assertThat(auth.identify(signedIn.sessionId())).contains(signedIn.shopperId());
    }

    @Test
    void signingInAgainFindsTheSameShopperAndIssuesANewSessionId() {
        SignedIn first = signIn();
        SignedIn second = signIn();

        assertThat(second.shopperId()).isEqualTo(first.shopperId());
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(shoppers.count()).isEqualTo(1);
        assertThat(sessions.all()).hasSize(2);
    }

    @Test
    void signingInAgainRenewsTheTokensAndStartsTheSessionInOneStepOfTheRepository() {
        SignedIn first = signIn();
        int before = transactions.writes().size();

        SignedIn second = signIn();

        List<InMemoryTransactions.Write> writes = transactions.writes().subList(before, transactions.writes().size());
        assertThat(writes).extracting(InMemoryTransactions.Write::what)
                .containsExactly("connections.renewWithSession", "sessions.createKeepingNewest");
        assertThat(writes.get(1).transaction()).isEqualTo(writes.get(0).transaction());
        assertThat(tokens.find(first.shopperId(), GROCER).orElseThrow().tokens().accessToken()).isEqualTo(grocer.lastIssuedAccessToken());
        assertThat(sessions.find(SecretHash.of(second.sessionId()))).hasValueSatisfying(s -> assertThat(s.shopperId()).isEqualTo(first.shopperId()));
    }

    @Test
    void anAccountDisconnectedBetweenLookUpAndRenewalIsSignedInAsAtItsFirstSignIn() {
        SignedIn first = signIn();
        // Another request (the shopper disconnecting, or deleting their account) after the look-up of the account's shopper.
        tokens.beforeNextRenewal(() -> tokens.delete(first.shopperId(), GROCER));

        SignedIn second = signIn();

        assertThat(tokens.owner(GROCER, PROFILE)).contains(second.shopperId());
        assertThat(tokens.find(second.shopperId(), GROCER).orElseThrow().tokens().accessToken()).isEqualTo(grocer.lastIssuedAccessToken());
        assertThat(sessions.find(SecretHash.of(second.sessionId()))).hasValueSatisfying(s -> assertThat(s.shopperId()).isEqualTo(second.shopperId()));
    }

    static Stream<Arguments> badCallbacks() {
        Function<Started, CompleteLogin> missingState = s -> new CompleteLogin(GROCER, Optional.empty(), Optional.of(CODE), Optional.empty(), Optional.of(s.binding()));
        Function<Started, CompleteLogin> unknownState = s -> new CompleteLogin(GROCER, Optional.of("forged-state-value"), Optional.of(CODE), Optional.empty(), Optional.of(s.binding()));
        Function<Started, CompleteLogin> noCookie = s -> new CompleteLogin(GROCER, Optional.of(s.state()), Optional.of(CODE), Optional.empty(), Optional.empty());
        Function<Started, CompleteLogin> otherBrowser = s -> new CompleteLogin(GROCER, Optional.of(s.state()), Optional.of(CODE), Optional.empty(), Optional.of("another-browsers-binding"));
        Function<Started, CompleteLogin> noCode = s -> new CompleteLogin(GROCER, Optional.of(s.state()), Optional.empty(), Optional.empty(), Optional.of(s.binding()));
        Function<Started, CompleteLogin> blankCode = s -> new CompleteLogin(GROCER, Optional.of(s.state()), Optional.of(" "), Optional.empty(), Optional.of(s.binding()));
        return Stream.of(Arguments.of("missing state", missingState), Arguments.of("unknown state", unknownState),
                Arguments.of("no login cookie", noCookie), Arguments.of("another browser's cookie", otherBrowser),
                Arguments.of("no code", noCode), Arguments.of("blank code", blankCode));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCallbacks")
    void aCallbackWithABadStateNeverSendsTheCodeToTheGrocer(String why, Function<Started, CompleteLogin> callback) {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);

        assertThatThrownBy(() -> auth.completeLogin(callback.apply(started)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE);
                    assertThat(e.getMessage()).doesNotContain(CODE).doesNotContain(started.state());
                });
        assertThat(grocer.codeExchanges()).isEmpty();
        assertThat(shoppers.count()).isZero();
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void anExpiredStateIsRefusedWithoutSendingTheCode() {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);
        clock.advance(LoginAttempt.LIFETIME);

        assertThatThrownBy(() -> auth.completeLogin(started.callback(CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE));
        assertThat(grocer.codeExchanges()).isEmpty();
    }

    @Test
    void aStateWorksOnceOnly() {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);
        auth.completeLogin(started.callback(CODE));
        grocer.willAcceptCode(CODE, PROFILE);

        assertThatThrownBy(() -> auth.completeLogin(started.callback(CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE));
        assertThat(grocer.codeExchanges()).hasSize(1);
        assertThat(sessions.all()).hasSize(1);
    }

    @Test
    void aStateIsSpentEvenByAFailedCallbackSoItCannotBeRetriedFromAnotherBrowser() {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);
        CompleteLogin foreign = new CompleteLogin(GROCER, Optional.of(started.state()), Optional.of(CODE), Optional.empty(), Optional.of("attacker"));
        assertThatThrownBy(() -> auth.completeLogin(foreign)).isInstanceOf(SignInFailedException.class);

        assertThatThrownBy(() -> auth.completeLogin(started.callback(CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE));
        assertThat(grocer.codeExchanges()).isEmpty();
    }

    @Test
    void anErrorFromTheGrocerIsDeniedAndSpendsTheState() {
        Started started = start("/");
        CompleteLogin denied = new CompleteLogin(GROCER, Optional.of(started.state()), Optional.empty(),
                Optional.of("access_denied"), Optional.of(started.binding()));

        assertThatThrownBy(() -> auth.completeLogin(denied))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DENIED);
                    assertThat(e.getMessage()).contains("access_denied");
                });
        assertThat(attempts.all()).isEmpty();
        assertThat(grocer.codeExchanges()).isEmpty();
    }

    @Test
    void aGrocerFailureDuringCodeExchangeStoresNothingAndHoldsNoTransaction() {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);
        grocer.failNextExchange(new ProviderException(ProviderFailure.UNAVAILABLE, "503 from token endpoint"));

        assertThatThrownBy(() -> auth.completeLogin(started.callback(CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROVIDER_FAILED));
        assertThat(shoppers.count()).isZero();
        assertThat(sessions.all()).isEmpty();
        assertThat(transactions.started()).isZero();
        assertThat(transactions.writes()).isEmpty();
    }

    @Test
    void aGrocerFailureReadingTheProfileStoresNothing() {
        Started started = start("/");
        grocer.willAcceptCode(CODE, PROFILE);
        grocer.failNextProfile(new ProviderException(ProviderFailure.TIMED_OUT, "no answer"));

        assertThatThrownBy(() -> auth.completeLogin(started.callback(CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROVIDER_FAILED));
        assertThat(shoppers.count()).isZero();
        assertThat(transactions.writes()).isEmpty();
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutWithoutUseAndIsDeleted() {
        SignedIn signedIn = signIn();
        clock.advance(POLICY.idleTimeout().minusSeconds(1));
        assertThat(auth.identify(signedIn.sessionId())).contains(signedIn.shopperId());

        clock.advance(POLICY.idleTimeout());
        assertThat(auth.identify(signedIn.sessionId())).isEmpty();
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void aSessionEndsAtTheAbsoluteTimeoutEvenWhenUsedAllTheTime() {
        SignedIn signedIn = signIn();
        Instant signedInAt = clock.now();
        while (clock.now().plus(Duration.ofMinutes(30)).isBefore(signedInAt.plus(POLICY.absoluteTimeout()))) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(auth.identify(signedIn.sessionId())).contains(signedIn.shopperId());
        }
        clock.set(signedInAt.plus(POLICY.absoluteTimeout()));
        assertThat(auth.identify(signedIn.sessionId())).isEmpty();
    }

    @Test
    void usingASessionWritesItBackAtMostOncePerTouchInterval() {
        SignedIn signedIn = signIn();
        Duration interval = POLICY.touchInterval();

        clock.advance(interval.minusSeconds(1));
        auth.identify(signedIn.sessionId());
        auth.identify(signedIn.sessionId());
        assertThat(sessions.touches()).isZero();

        clock.advance(Duration.ofSeconds(1));
        auth.identify(signedIn.sessionId());
        auth.identify(signedIn.sessionId());
        assertThat(sessions.touches()).isEqualTo(1);
        assertThat(sessions.all().get(0).lastUsedAt()).isEqualTo(clock.now());
    }

    @Test
    void unknownBlankOrOversizedSessionIdsIdentifyNobody() {
        signIn();
        assertThat(auth.identify("not-a-session")).isEmpty();
        assertThat(auth.identify("")).isEmpty();
        assertThat(auth.identify(null)).isEmpty();
        assertThat(auth.identify("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aShopperKeepsABoundedNumberOfSessionsAndTheOldestEndsFirst() {
        List<SignedIn> signIns = new java.util.ArrayList<>();
        for (int i = 0; i < AuthenticateShopperService.MAX_SESSIONS_PER_SHOPPER + 2; i++) {
            signIns.add(signIn());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(sessions.all()).hasSize(AuthenticateShopperService.MAX_SESSIONS_PER_SHOPPER);
        assertThat(auth.identify(signIns.get(0).sessionId())).as("the oldest ended").isEmpty();
        assertThat(auth.identify(signIns.get(1).sessionId())).isEmpty();
        assertThat(auth.identify(signIns.get(2).sessionId())).contains(signIns.get(2).shopperId());
        assertThat(auth.identify(signIns.get(signIns.size() - 1).sessionId())).isPresent();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThatShopperOnly() {
        SignedIn phone = signIn();
        SignedIn laptop = signIn();
        grocer.willAcceptCode("other-code", new ProfileId("other-shopper-profile"));
        SignedIn someoneElse = auth.completeLogin(start("/").callback("other-code"));

        auth.signOutEverywhere(phone.sessionId());

        assertThat(auth.identify(phone.sessionId())).isEmpty();
        assertThat(auth.identify(laptop.sessionId())).isEmpty();
        assertThat(auth.identify(someoneElse.sessionId())).isPresent();
        auth.signOutEverywhere("unknown-session"); // ignored
        assertThat(auth.identify(someoneElse.sessionId())).isPresent();
    }

    @Test
    void pastTheCapOfSignInsInProgressNoMoreAreStoredUntilSomeExpire() {
        for (int i = 0; i < AuthenticateShopperService.MAX_PENDING_SIGN_INS; i++) {
            start("/");
        }

        assertThatThrownBy(() -> start("/"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isPositive());
        assertThat(attempts.all()).hasSize(AuthenticateShopperService.MAX_PENDING_SIGN_INS);

        clock.advance(LoginAttempt.LIFETIME.plusSeconds(1));
        start("/");
    }

    @Test
    void signingOutEndsTheSessionServerSide() {
        SignedIn signedIn = signIn();
        auth.signOut(signedIn.sessionId());
        assertThat(auth.identify(signedIn.sessionId())).isEmpty();
        assertThat(sessions.all()).isEmpty();

        auth.signOut("unknown-session"); // ignored
    }

    @Test
    void purgingRemovesExpiredSessionsAndLoginAttemptsAndKeepsLiveOnes() {
        signIn(); // session idle-expires at +1h
        start("/"); // attempt expires at +10 min
        clock.advance(POLICY.idleTimeout().plusSeconds(1));
        SignedIn live = signIn();
        start("/");

        KeepHouseService keepHouse = new KeepHouseService(sessions, attempts, new InMemoryCartSubmissionRepository(),
                POLICY, clock, "Kroger");
        assertThat(keepHouse.purgeExpired()).isEqualTo(2);
        assertThat(auth.identify(live.sessionId())).contains(live.shopperId());
        assertThat(attempts.all()).hasSize(1);
    }

    private static String sha256Base64Url(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // --- several providers

    private Started startWith(Provider provider, FakeIdentityProvider at, Optional<ShopperId> linkTo) {
        LoginRedirect redirect = auth.beginLogin(new BeginLogin(ReturnPath.HOME, Optional.empty(), Optional.of(provider), linkTo));
        String state = at.authorizationRequests().get(at.authorizationRequests().size() - 1).state();
        return new Started(state, redirect.browserBinding(), redirect);
    }

    private static CompleteLogin at(Provider callback, Started started, String code) {
        return new CompleteLogin(callback, Optional.of(started.state()), Optional.of(code), Optional.empty(),
                Optional.of(started.binding()));
    }

    @Test
    void aSignInGoesToTheNamedProviderAndItsCallbackCompletesIt() {
        Started started = startWith(OTHER, other, Optional.empty());
        other.willAcceptCode("other-code", PROFILE);

        SignedIn signedIn = auth.completeLogin(at(OTHER, started, "other-code"));

        assertThat(grocer.authorizationRequests()).isEmpty();
        assertThat(tokens.list(signedIn.shopperId())).extracting(Connection::provider).containsExactly(OTHER);
    }

    @Test
    void aStateIssuedForOneProviderIsRefusedAtAnotherProvidersCallbackBeforeAnyCodeExchange() {
        Started started = startWith(OTHER, other, Optional.empty());
        other.willAcceptCode(CODE, PROFILE);
        grocer.willAcceptCode(CODE, PROFILE);

        assertThatThrownBy(() -> auth.completeLogin(at(GROCER, started, CODE)))
                .isInstanceOfSatisfying(SignInFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE));
        assertThatThrownBy(() -> auth.completeLogin(at(OTHER, started, CODE)))
                .as("the state is spent by the refusal").isInstanceOf(SignInFailedException.class);

        assertThat(grocer.codeExchanges()).isEmpty();
        assertThat(other.codeExchanges()).isEmpty();
        assertThat(shoppers.count()).isZero();
    }

    @Test
    void aProviderThatIsNotConfiguredIsNotOffered() {
        assertThatThrownBy(() -> auth.beginLogin(new BeginLogin(ReturnPath.HOME, Optional.empty(),
                Optional.of(new Provider("nowhere")), Optional.empty())))
                .isInstanceOfSatisfying(NotOfferedException.class, e -> assertThat(e.provider()).contains(new Provider("nowhere")));
        assertThat(attempts.all()).isEmpty();
    }

    @Test
    void aLinkedAccountSignsInToTheSameShopper() {
        SignedIn first = signIn();
        clock.advance(Duration.ofMinutes(1));
        Started linking = startWith(OTHER, other, Optional.of(first.shopperId()));
        other.willAcceptCode("link-code", new ProfileId("other-profile"));

        SignedIn linked = auth.completeLogin(at(OTHER, linking, "link-code"));
        Started later = startWith(OTHER, other, Optional.empty());
        other.willAcceptCode("later-code", new ProfileId("other-profile"));
        SignedIn again = auth.completeLogin(at(OTHER, later, "later-code"));

        assertThat(linked.shopperId()).isEqualTo(first.shopperId());
        assertThat(again.shopperId()).isEqualTo(first.shopperId());
        assertThat(shoppers.count()).isEqualTo(1);
        assertThat(tokens.list(first.shopperId())).extracting(Connection::provider).containsExactly(GROCER, OTHER);
    }

    @Test
    void linkingAnAccountOfAnotherShopperIsAConflictAndChangesNothing() {
        Started elsewhere = startWith(OTHER, other, Optional.empty());
        other.willAcceptCode("theirs", new ProfileId("their-profile"));
        SignedIn theirs = auth.completeLogin(at(OTHER, elsewhere, "theirs"));
        SignedIn mine = signIn();
        int sessionsBefore = sessions.all().size();

        Started linking = startWith(OTHER, other, Optional.of(mine.shopperId()));
        other.willAcceptCode("link", new ProfileId("their-profile"));

        assertThatThrownBy(() -> auth.completeLogin(at(OTHER, linking, "link")))
                .isInstanceOfSatisfying(ConnectionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionConflictException.Reason.LINKED_TO_ANOTHER_SHOPPER));
        assertThat(tokens.list(mine.shopperId())).extracting(Connection::provider).containsExactly(GROCER);
        assertThat(tokens.owner(OTHER, new ProfileId("their-profile"))).contains(theirs.shopperId());
        assertThat(sessions.all()).hasSize(sessionsBefore);
    }
}

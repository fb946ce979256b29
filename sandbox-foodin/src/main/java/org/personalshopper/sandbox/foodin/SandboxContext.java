package org.personalshopper.sandbox.foodin;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state and helpers of one running sandbox, handed to its Jersey resources by injection. Resources are
 * registered as classes and built per request from this one object, so all of a sandbox's requests share its state
 * and two sandboxes share nothing.
 *
 * @param tokenCalls how many calls reached the token endpoint, for tests that check a code was exchanged only once
 */
record SandboxContext(FoodinSandboxSettings settings, OAuthErrors errors, IssuedGrants grants, HtmlPages pages,
        AtomicInteger tokenCalls) {
}

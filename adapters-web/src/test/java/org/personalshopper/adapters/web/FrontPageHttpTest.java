package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;

/** The front page a person opens at {@code /}: served to anyone, locked down by headers, accessible markup. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontPageHttpTest {
    @RegisterExtension
    final WebServer web = WebServer.standard();

    private HttpResponse<String> anonymous(String path) {
        return web.send(web.request(path).GET().build());
    }

    private String page() {
        HttpResponse<String> response = anonymous("/");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String script() {
        HttpResponse<String> response = anonymous("/assets/front-page.js");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void anyoneGetsThePageWithASignInLinkThatComesBackToIt() {
        HttpResponse<String> response = anonymous("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>Personal Shopper</h1>", "href=\"/auth/login?returnTo=/\"",
                "<script src=\"/assets/front-page.js\" defer></script>", "href=\"/assets/front-page.css\"");
    }

    @Test
    void thePageForbidsInlineScriptAndForeignScriptsButShowsProductImagesFromAnyHttpHost() {
        HttpResponse<String> response = anonymous("/");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "img-src 'self' http: https:",
                "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void thePageCarriesNoInlineScriptStyleOrEventHandler() {
        String html = page();

        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script comes from a file").contains("src=\"/assets/");
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContainPattern("(?i)\\sstyle\\s*=")
                .doesNotContain("javascript:").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void everyInputOfThePageHasALabelAndHeadingsGoInOrder() {
        String html = page();
        Set<String> inputs = new TreeSet<>(all(html, "<input\\b[^>]*\\bid=\"([^\"]+)\""));
        Set<String> labelled = new TreeSet<>(all(html, "<label\\b[^>]*\\bfor=\"([^\"]+)\""));

        assertThat(inputs).contains("zip-code", "guidance-text", "search-term");
        assertThat(labelled).containsAll(inputs);
        assertThat(html).doesNotContainPattern("<input(?![^>]*\\bid=)[^>]*>");

        int previous = 0;
        for (String level : all(html, "<h([1-6])\\b")) {
            int current = Integer.parseInt(level);
            assertThat(current).as("a heading level is skipped").isLessThanOrEqualTo(previous + 1);
            previous = current;
        }
        assertThat(all(html, "<h(1)\\b")).hasSize(1);
        assertThat(html).doesNotContainPattern("<div[^>]*\\b(role=\"button\"|tabindex=)");
    }

    @Test
    void theScriptAndStyleSheetAreServedWithTheirTypesAndTheSameHeaders() {
        HttpResponse<String> js = anonymous("/assets/front-page.js");
        HttpResponse<String> css = anonymous("/assets/front-page.css");

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(js.body()).contains("fetch(");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(css.body()).contains(":focus-visible").doesNotContain("@import", "url(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/index.html", "/assets/front-page.js.map", "/assets/..%2Fopenapi.yaml",
            "/assets/%2E%2E%2Fstatic%2Findex.html", "/no-such-page"})
    void nothingElseIsServedFromTheClassPath(String path) {
        JsonNode problem = Json.problem(anonymous(path), 404);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void thePageDoesNotShadowTheApi() {
        JsonNode problem = Json.problem(anonymous("/api/user"), 401);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(anonymous("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void theScriptNeverParsesDataAsHtmlAndCallsOnlyThePublicEndpoints() {
        String js = script();

        assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "setAttribute('on");
        List<String> paths = all(js, "'(/[^']*)'");
        // A lone "/" is the separator the script joins encoded path segments with.
        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).matches("/|/(api|auth)/.*|/problems/[a-z-]+"));
        assertThat(js).contains("'Idempotency-Key': idempotencyKey()", "textContent");
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

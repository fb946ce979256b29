package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authorize page a Foodin user sees when an application asks to connect their account, and its answers. */
class AuthorizeTest {

    @RegisterExtension
    static final FoodinSandboxExtension FOODIN = FoodinSandboxExtension.withDefaults();

    private final SandboxClient client = FOODIN.client();

    @Test
    void consentPageSaysItIsTheSandboxAndShowsTheApplicationModeScopeAndAForm() {
        HttpResponse<String> page = client.authorize(client.authorizeParams("read_write", "s1"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("Foodin sandbox - not the real Foodin")
                .contains(FoodinSandboxSettings.DEMO_TEST_CLIENT_ID, "test mode", "<code>read_write</code>")
                .contains("<label for=\"email\">", "value=\"approve\"", "value=\"deny\"", "action=\"/sandbox/consent\"")
                .doesNotContain("<link", "<script", "src=", "url(");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void consentPageShowsTheValidPrefilledFieldsAndSilentlyIgnoresTheInvalidOnes() {
        Map<String, String> params = client.authorizeParams("read_write", "s2");
        params.put("foodin_user[email]", "Ada@Example.com");
        params.put("foodin_user[country]", "us");
        params.put("foodin_user[phone_number]", "5135550123");
        params.put("foodin_user[business_type]", "llc");
        params.put("foodin_user[first_name]", "Ada");
        params.put("foodin_user[dob_day]", "10");
        params.put("foodin_user[dob_month]", "12");
        params.put("foodin_user[dob_year]", "1985");
        params.put("foodin_user[zip]", "45202");
        params.put("foodin_user[url]", "https://ada.example");
        // Invalid: silently ignored.
        params.put("foodin_user[state]", "Ohio");
        params.put("foodin_user[city]", "");
        params.put("foodin_user[favourite_food]", "kale");

        HttpResponse<String> page = client.authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Prefilled for a new account")
                .contains("data-field=\"country\">US<", "data-field=\"phone_number\">5135550123<",
                        "data-field=\"business_type\">llc<", "data-field=\"first_name\">Ada<",
                        "data-field=\"dob_year\">1985<", "data-field=\"zip\">45202<",
                        "data-field=\"url\">https://ada.example<")
                .contains("value=\"ada@example.com\"")
                .doesNotContain("Ohio", "data-field=\"state\"", "data-field=\"city\"", "kale", "favourite_food");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an e-mail that is not one | foodin_user[email]=not-an-email | email",
            "a phone number without its country | foodin_user[phone_number]=5135550123 | phone_number",
            "a phone number of 9 digits | foodin_user[country]=US&foodin_user[phone_number]=513555012 | phone_number",
            "a three-letter country | foodin_user[country]=USA | country",
            "an unknown business type | foodin_user[business_type]=empire | business_type",
            "a date of birth without its day | foodin_user[dob_month]=1&foodin_user[dob_year]=1980 | dob_year",
            "a birth year of 1900 | foodin_user[dob_day]=1&foodin_user[dob_month]=1&foodin_user[dob_year]=1900 | dob_year",
            "the 31st of February | foodin_user[dob_day]=31&foodin_user[dob_month]=2&foodin_user[dob_year]=1980 | dob_day",
            "a URL that is not http | foodin_user[url]=javascript:alert(1) | url"})
    void anInvalidPrefillIsNotShownAndTheRequestStillWorks(String what, String query, String field) {
        HttpResponse<String> page = client.get("/oauth/authorize?client_id=" + FoodinSandboxSettings.DEMO_TEST_CLIENT_ID
                + "&response_type=code&scope=read_only&" + query.replace("[", "%5B").replace("]", "%5D"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-field=\"" + field + "\"");
    }

    @Test
    void consentPageEscapesWhatItEchoes() {
        Map<String, String> params = client.authorizeParams("read_only", "\"><script>alert('x')</script>");
        params.put("foodin_user[business_name]", "<b>Bold & Co</b>");

        HttpResponse<String> page = client.authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>", "<b>Bold")
                .contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;b&gt;Bold &amp; Co&lt;/b&gt;");
    }

    @Test
    void approvingRedirectsToTheDefaultCallbackWithCodeScopeAndTheSameState() {
        String state = "a state/with spaces&symbols=1";
        Map<String, String> params = client.authorizeParams("read_write", state);

        HttpResponse<String> redirect = client.decide(params, "ada@example.com", "approve");

        assertThat(redirect.statusCode()).isEqualTo(303);
        URI location = SandboxClient.location(redirect);
        assertThat(location.toString()).startsWith(FoodinSandboxExtension.CALLBACK + "?");
        Map<String, String> query = SandboxClient.queryOf(location);
        assertThat(query.get("code")).isNotBlank();
        assertThat(query).containsEntry("scope", "read_write").containsEntry("state", state).doesNotContainKey("error");
    }

    @Test
    void aRegisteredRedirectUriThatIsNamedIsUsed() {
        Map<String, String> params = client.authorizeParams("read_only", "s3");
        params.put("redirect_uri", FoodinSandboxExtension.OTHER_CALLBACK);

        HttpResponse<String> redirect = client.decide(params, "ada@example.com", "approve");

        assertThat(SandboxClient.location(redirect).toString()).startsWith(FoodinSandboxExtension.OTHER_CALLBACK + "?");
    }

    @Test
    void denyingRedirectsWithAccessDeniedItsDescriptionAndTheStateButNoCode() {
        Map<String, String> params = client.authorizeParams("read_write", "s-deny");

        HttpResponse<String> redirect = client.decide(params, "", "deny");

        assertThat(redirect.statusCode()).isEqualTo(303);
        Map<String, String> query = SandboxClient.queryOf(SandboxClient.location(redirect));
        assertThat(query).containsEntry("error", "access_denied")
                .containsEntry("error_description", AuthorizationResource.DENIED_DESCRIPTION)
                .containsEntry("state", "s-deny")
                .doesNotContainKey("code");
    }

    @Test
    void approvingWithoutAnEmailShowsThePageAgainWithAnError() {
        HttpResponse<String> page = client.decide(client.authorizeParams("read_write", "s4"), "nobody", "approve");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("Foodin sandbox - not the real Foodin").contains("role=\"alert\"")
                .contains("aria-invalid=\"true\"").contains("value=\"nobody\"");
    }

    @Test
    void liveModeWorksWithAnHttpsRedirectUri() {
        Map<String, String> params = client.authorizeParams("read_write", "s5");
        params.put("client_id", FoodinSandboxSettings.DEMO_LIVE_CLIENT_ID);
        params.put("redirect_uri", FoodinSandboxExtension.OTHER_CALLBACK);

        HttpResponse<String> page = client.authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("live mode");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no client id | response_type=code | invalid_request",
            "an unknown client id | client_id=ca_nobody&response_type=code | invalid_client",
            "no response type | client_id=ca_personal_shopper_test | invalid_request",
            "response type token | client_id=ca_personal_shopper_test&response_type=token | unsupported_response_type",
            "an unregistered redirect URI | client_id=ca_personal_shopper_test&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2Fcb | invalid_request",
            "an unknown scope | client_id=ca_personal_shopper_test&response_type=code&scope=admin | invalid_scope",
            "live mode with an http redirect URI | client_id=ca_personal_shopper_live&response_type=code | invalid_request"})
    void everyOtherAuthorizeErrorIsAnsweredToTheBrowserAsJsonWithTheState(String what, String query, String error) {
        HttpResponse<String> answer = client.get("/oauth/authorize?" + query + "&state=s-" + error);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = client.json(answer);
        assertThat(json.get("error").asText()).isEqualTo(error);
        assertThat(json.get("error_description").asText()).isNotBlank();
        assertThat(json.get("state").asText()).isEqualTo("s-" + error);
    }

    @Test
    void aConsentFormTamperedWithIsCheckedAgainAndNeverRedirected() {
        Map<String, String> params = client.authorizeParams("read_write", "s6");
        params.put("redirect_uri", "https://evil.example/cb");

        HttpResponse<String> answer = client.decide(params, "ada@example.com", "approve");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theClientRolesAreShownOnTheConsentPage() {
        HttpResponse<String> page = client.get("/oauth/authorize?client_id=" + FoodinSandboxSettings.DEMO_TEST_CLIENT_ID
                + "&response_type=code&client_roles%5B%5D=shopper&client_roles%5B%5D=planner");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Roles on this connection: shopper, planner")
                .contains("<code>read_only</code>");
    }
}

package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.personalshopper.sandbox.kroger.KrogerSandbox;

/**
 * A person in a real browser (Debian's headless Chromium) walks the demo from the front page: signs in at
 * the Kroger sandbox's consent page, chooses a store, adds guidance, searches, saves a pick, and after
 * their access token has expired fills their Kroger cart, which the sandbox then really holds.
 */
class BrowserJourneyTest {
    // Debian's packages; overridable (-Dbrowser.chromium=..., -Dbrowser.chromedriver=...) to check the skip.
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final String USERNAME = "browser-shopper";
    private static final String TOKEN_LIFETIME_SECONDS = "4";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;

    private ServiceUnderTest service;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        requireBrowser();
        service = ServiceUnderTest.start(dataDir, Map.of("SHOPPER_SANDBOX_TOKEN_LIFETIME_SECONDS", TOKEN_LIFETIME_SECONDS));
        driver = chromium(profileDir);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    /** No browser: a developer's machine skips with the reason; CI (CI=true) must always have one. */
    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "BrowserJourneyTest needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no browser is installed; " + message);
        }
        Assumptions.abort("skipped: " + message);
    }

    /** The installed chromedriver and chromium, named explicitly so that Selenium Manager never downloads. */
    private static WebDriver chromium(Path profileDir) {
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1100,900", "--lang=en-US");
        return new ChromeDriver(driverService, options);
    }

    @Test
    void aPersonWalksTheDemoFromTheFrontPageToAFilledKrogerCart() throws Exception {
        URI base = URI.create("http://localhost:" + service.baseUri().getPort() + "/");
        KrogerSandbox sandbox = service.service().sandbox().orElseThrow();

        // Signed out, the page offers only the sign-in.
        driver.get(base.toString());
        until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"), "the page has loaded");
        assertThat(visible("signed-out")).isTrue();
        assertThat(visible("shopping")).isFalse();
        driver.findElement(By.id("sign-in")).click();

        // The sandbox's consent page: any username, Approve.
        WebElement username = until(ExpectedConditions.visibilityOfElementLocated(By.id("username")), "the consent page");
        assertThat(driver.getPageSource()).containsIgnoringCase("sandbox");
        username.sendKeys(USERNAME);
        driver.findElement(By.cssSelector("button[value=approve]")).click();

        // Back on the front page: who you are, and that the Kroger connection works.
        until(ExpectedConditions.urlToBe(base.toString()), "back on the front page");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")), "signed in");
        assertThat(text("profile-id")).isEqualTo(KrogerSandbox.profileIdOf(USERNAME).toString());
        assertThat(text("connection")).startsWith("Working");

        // A store by ZIP code, chosen.
        type("zip-code", "45202");
        By vineStreet = By.cssSelector("#store-list button[data-location-id='01400943']");
        until(ExpectedConditions.elementToBeClickable(vineStreet), "stores near 45202").click();
        until(ExpectedConditions.textToBe(vineStreet, "Your store"), "the store is chosen");
        assertThat(text("preferred-store")).contains("01400943");

        // Guidance, submitted from the keyboard; blank guidance is refused, and the page says why.
        type("guidance-text", "   ");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")), "the problem is shown");
        assertThat(text("alert-errors")).startsWith("text: ");
        type("guidance-text", "prefer organic");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("guidance-list"), "prefer organic"), "the guidance is listed");
        assertThat(visible("alert")).as("a good request clears the earlier problem").isFalse();

        // A search at the chosen store: description, price and a picture from the sandbox.
        type("search-term", "milk");
        until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#product-list > li"), 0), "search results");
        WebElement first = driver.findElements(By.cssSelector("#product-list > li")).get(0);
        String description = first.findElement(By.tagName("h3")).getText();
        assertThat(first.findElement(By.className("price")).getText()).contains("$");
        assertThat(first.findElement(By.tagName("img")).getAttribute("src")).matches("http://[^/]+/sandbox/images/.*");
        String upc = first.findElement(By.cssSelector("button[data-upc]")).getAttribute("data-upc");
        WebElement quantity = first.findElement(By.cssSelector("input[name=quantity]"));
        quantity.clear();
        quantity.sendKeys("2");
        first.findElement(By.cssSelector("button[data-upc]")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-list"), "2 × " + description), "the selection is saved");

        // Let the 4-second access token expire, so that filling the cart must refresh it first.
        Instant expiredAt = accessTokenExpiresAt(base);
        String connectionBefore = text("connection");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiredAt).toMillis()) + 1_000);
        Instant afterExpiry = Instant.now();

        driver.findElement(By.id("add-to-cart")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Added 1 selection to your Kroger cart"),
                "the cart is filled");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-list"), "added"), "the cart history shows it");
        assertThat(text("history-list")).contains("2 × " + description + ", UPC " + upc);
        assertThat(visible("alert")).as("no problem was shown").isFalse();
        until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("connection"), connectionBefore)),
                "the page shows the renewed access");
        assertThat(text("connection")).startsWith("Working");

        // The sandbox holds the pick, and the service went on with a token issued after the old one expired:
        // the sandbox issues one without the consent page only for a refresh token.
        assertThat(accessTokenExpiresAt(base)).isAfter(afterExpiry);
        JsonNode cart = get(sandbox.baseUri().resolve("/sandbox/carts?username=" + USERNAME));
        List<JsonNode> lines = cart.path("items").findParents("upc");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("upc").asText()).isEqualTo(upc);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);

        // A shopping list: milk reuses the pick saved above, eggs get proposals, bacon is avoided by the guidance.
        type("guidance-text", "no pork");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("guidance-list"), "no pork"), "the guidance is listed");
        type("list-name", "Weekly shop");
        until(ExpectedConditions.textToBe(By.id("list-title"), "Weekly shop"), "the new list is open");
        for (String item : List.of("milk", "eggs", "bacon")) {
            type("item-text", item);
            until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-list"), "1 × " + item), item + " is on the list");
        }
        driver.findElement(By.id("plan-list")).click();
        By cards = By.cssSelector("#plan-list-items > li");
        until(ExpectedConditions.numberOfElementsToBe(cards, 3), "the plan");
        List<WebElement> plan = driver.findElements(cards);
        assertThat(plan.get(0).getText()).contains("1 × milk: Your pick").contains(description);
        assertThat(plan.get(1).getText()).contains("1 × eggs: Proposed").contains("score");
        assertThat(plan.get(2).getText()).contains("1 × bacon: No match").contains("'no pork'");
        assertThat(text("plan-list-items")).doesNotContainIgnoringCase("pork bacon");

        WebElement bestEggs = plan.get(1).findElement(By.cssSelector("button[data-product-id]"));
        String eggsUpc = bestEggs.getAttribute("data-product-id");
        bestEggs.click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan-list-items > li:nth-child(2)"), "eggs: Your pick"),
                "the eggs pick is confirmed");

        driver.findElement(By.id("send-list")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sent to your Kroger cart: milk, eggs."), "the list is sent");
        assertThat(text("status")).contains("Not sent (no pick yet): bacon.");
        JsonNode filled = get(sandbox.baseUri().resolve("/sandbox/carts?username=" + USERNAME));
        assertThat(filled.path("items").findValuesAsText("upc")).contains(upc, eggsUpc);

        // The same list again is refused, and the page offers to send it anyway.
        driver.findElement(By.id("send-list")).click();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("send-list-again")), "the page offers to send again");
        assertThat(text("alert-detail")).contains("already sent");
        screenshot();

        // Signing out ends the session.
        String session = driver.manage().getCookieNamed("shopper_session").getValue();
        driver.findElement(By.id("sign-out")).click();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")), "signed out");
        assertThat(visible("shopping")).isFalse();
        Browser oldSession = new Browser(base);
        oldSession.setCookie("shopper_session", session);
        assertThat(oldSession.get("/api/user").statusCode()).isEqualTo(401);

        // Signed in on a second device too, "Sign out on every device" ends both sessions.
        Browser phone = new Browser(base);
        assertThat(SandboxConsent.signIn(phone, USERNAME).statusCode()).isEqualTo(302);
        assertThat(phone.get("/api/user").statusCode()).isEqualTo(200);
        driver.findElement(By.id("sign-in")).click();
        until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("username")),
                ExpectedConditions.visibilityOfElementLocated(By.id("signed-in"))), "the consent page or the front page");
        if (!driver.findElements(By.id("username")).isEmpty() && driver.findElement(By.id("username")).isDisplayed()) {
            driver.findElement(By.id("username")).sendKeys(USERNAME);
            driver.findElement(By.cssSelector("button[value=approve]")).click();
        }
        until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")), "signed in again");
        driver.findElement(By.id("sign-out-everywhere")).click();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")), "signed out everywhere");
        assertThat(phone.get("/api/user").statusCode()).as("the other device's session ended too").isEqualTo(401);
    }

    // ---- connections: Foodin sign-in, linking Kroger, a cart add, disconnect, delete the account ----

    @Test
    void aPersonSignsInWithFoodinLinksKrogerFillsTheKrogerCartAndDeletesTheAccount() throws Exception {
        URI base = URI.create("http://localhost:" + service.baseUri().getPort() + "/");
        KrogerSandbox sandbox = service.service().sandbox().orElseThrow();
        String krogerUser = "browser-linker";

        driver.get(base.toString());
        until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"), "the page has loaded");
        until(ExpectedConditions.elementToBeClickable(By.id("sign-in-foodin")), "Foodin's sign-in").click();

        // The Foodin sandbox's consent page: an e-mail address, Connect.
        WebElement email = until(ExpectedConditions.visibilityOfElementLocated(By.id("email")), "Foodin's consent page");
        email.sendKeys("browser@example.com");
        driver.findElement(By.cssSelector("button[value=approve]")).click();
        until(ExpectedConditions.urlToBe(base.toString()), "back on the front page");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("connections")), "the connected accounts");
        assertThat(text("connection-list")).contains("Foodin").doesNotContain("Kroger");
        assertThat(text("connection")).startsWith("Not connected");

        // Connect Kroger from the page: the Kroger sandbox's consent page, then back with both accounts.
        driver.findElement(By.id("connect-kroger")).click();
        WebElement username = until(ExpectedConditions.visibilityOfElementLocated(By.id("username")), "Kroger's consent page");
        username.sendKeys(krogerUser);
        driver.findElement(By.cssSelector("button[value=approve]")).click();
        until(ExpectedConditions.urlToBe(base.toString()), "back on the front page after connecting Kroger");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection-list"), "Kroger"), "Kroger is connected");
        assertThat(text("connection-list")).contains("Foodin");
        assertThat(text("connection")).startsWith("Working");

        // A pick, into the Kroger cart of the linked account.
        type("search-term", "milk");
        until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#product-list > li"), 0), "search results");
        WebElement first = driver.findElements(By.cssSelector("#product-list > li")).get(0);
        String description = first.findElement(By.tagName("h3")).getText();
        String upc = first.findElement(By.cssSelector("button[data-upc]")).getAttribute("data-upc");
        first.findElement(By.cssSelector("button[data-upc]")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-list"), "1 × " + description), "the selection is saved");
        driver.findElement(By.id("add-to-cart")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Added 1 selection to your Kroger cart"),
                "the cart is filled");
        JsonNode cart = get(sandbox.baseUri().resolve("/sandbox/carts?username=" + krogerUser));
        assertThat(cart.path("items").findParents("upc")).singleElement()
                .satisfies(line -> assertThat(line.path("upc").asText()).isEqualTo(upc));

        // Disconnect Foodin; Kroger, now the only one, cannot be disconnected from the page.
        driver.findElement(By.id("disconnect-foodin")).click();
        until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("connection-list"), "Foodin")),
                "Foodin is disconnected");
        assertThat(driver.findElements(By.id("disconnect-kroger"))).isEmpty();
        assertThat(driver.findElements(By.id("connect-foodin"))).hasSize(1);

        // Delete the account, confirmed: signed out, and the old session is gone.
        String session = driver.manage().getCookieNamed("shopper_session").getValue();
        driver.findElement(By.id("delete-account")).click();
        until(ExpectedConditions.alertIsPresent(), "the confirmation").accept();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")), "signed out after deletion");
        Browser oldSession = new Browser(base);
        oldSession.setCookie("shopper_session", session);
        assertThat(oldSession.get("/api/user").statusCode()).isEqualTo(401);
    }

    /** Types into a field and presses Enter, as a keyboard user submits a form. */
    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text, Keys.ENTER);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private boolean visible(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    /** Waits for a condition; on timeout says what was awaited and what the page's alert said. */
    private <T> T until(Function<WebDriver, T> condition, String what) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            String alert = driver.findElements(By.id("alert")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("waited in vain for " + what + " at " + driver.getCurrentUrl() + "; alert: " + alert, e);
        }
    }

    /** Until when the signed-in shopper's current access token lasts, read as the page does. */
    private Instant accessTokenExpiresAt(URI base) throws IOException {
        Browser browser = new Browser(base);
        browser.setCookie("shopper_session", driver.manage().getCookieNamed("shopper_session").getValue());
        HttpResponse<String> user = browser.get("/api/user");
        assertThat(user.statusCode()).isEqualTo(200);
        return Instant.parse(JSON.readTree(user.body()).path("kroger").path("accessTokenExpiresAt").asText());
    }

    private JsonNode get(URI uri) throws IOException {
        HttpResponse<String> response = new Browser(uri).get(uri.toString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The whole page after the journey, for docs/front-page.png. */
    private void screenshot() throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
        // The window is taller than its viewport by the browser's own frame: grow it until the page fits.
        for (int attempt = 0; attempt < 3; attempt++) {
            long missing = (Long) chrome.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            if (missing <= 0) {
                break;
            }
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(6000, size.getHeight() + missing)));
        }
        Path target = Path.of("target", "front-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}

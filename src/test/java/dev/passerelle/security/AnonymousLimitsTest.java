package dev.passerelle.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With API keys off, callers are limited per client address, in requests and in characters per
 * minute on the work endpoints (POST) only; X-Forwarded-For does not make a new caller; an IPv6
 * client is one caller per /64; the per-address buckets are bounded.
 */
@QuarkusTest
@TestProfile(AnonymousLimitsTest.Limited.class)
class AnonymousLimitsTest {

    /** Three requests and 40 characters a minute per address, at most 100 addresses tracked. */
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.limits.anonymous-requests-per-minute", "3",
                    "passerelle.limits.anonymous-chars-per-minute", "40",
                    "passerelle.limits.anonymous-addresses", "100");
        }
    }

    @Inject
    AnonymousLimits limits;

    private static final String SENTENCE = "Le président est arrivé à Astana."; // 33 characters

    @Test
    void anAddressGetsItsRequestsAndCharactersPerMinute() {
        // 1st request: 33 of 40 characters.
        given().contentType(ContentType.JSON).body(Map.of("text", SENTENCE)).when().post("/v1/translate")
                .then().statusCode(200);
        // 2nd: the characters are used up; a forged X-Forwarded-For is not another caller.
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9").body(Map.of("text", SENTENCE))
                .when().post("/v1/translate").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("passerelle.limits.anonymous-chars-per-minute"));
        // Reading the models (the page does on every load) is not work and costs nothing.
        for (int i = 0; i < 10; i++) {
            given().when().get("/v1/models").then().statusCode(200);
        }
        // 3rd: a request without text still counts as a request; the 4th is one too many.
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/translate").then().statusCode(400);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.10").body(Map.of("text", "Oui."))
                .when().post("/v1/translate").then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("passerelle.limits.anonymous-requests-per-minute"));
        // The page itself is not limited.
        given().when().get("/").then().statusCode(200);
    }

    @Test
    void manyAddressesCannotExhaustMemory() {
        for (int i = 0; i < 1000; i++) {
            limits.take("198.51." + (i / 256) + "." + (i % 256));
        }
        assertTrue(limits.tracked() <= 100, "tracked " + limits.tracked());
    }

    @Test
    void anIpv6ClientIsKeyedByItsSlash64() {
        assertEquals(AnonymousLimits.key("2001:db8:1:2::1"), AnonymousLimits.key("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertEquals(AnonymousLimits.key("2001:db8:1:2::1"), AnonymousLimits.key("[2001:0db8:0001:0002::7%eth0]"));
        assertTrue(!AnonymousLimits.key("2001:db8:1:2::1").equals(AnonymousLimits.key("2001:db8:1:3::1")));
        assertEquals("20010db800010002::/64", AnonymousLimits.key("2001:db8:1:2::1"));
    }

    @Test
    void anIpv4ClientIsKeyedByItsWholeAddressAlsoWhenMapped() {
        assertEquals("198.51.100.7", AnonymousLimits.key("198.51.100.7"));
        assertTrue(!AnonymousLimits.key("198.51.100.7").equals(AnonymousLimits.key("198.51.100.8")));
        assertEquals("198.51.100.7", AnonymousLimits.key("::ffff:198.51.100.7"));
        assertEquals("unknown", AnonymousLimits.key("unknown"));
    }

    @Test
    void theSlash64SharesOneBudget() {
        // 3 requests a minute: three from one /64, then a fourth from elsewhere in it is refused.
        for (int i = 1; i <= 3; i++) {
            assertTrue(limits.take("2001:db8:aa:bb::" + i).isEmpty());
        }
        assertTrue(limits.take("2001:db8:aa:bb:1234::9").isPresent());
        assertTrue(limits.take("2001:db8:aa:bc::1").isEmpty());
    }
}

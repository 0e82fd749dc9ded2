package dev.passerelle;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * REST Assured on the management interface (health, metrics, OpenAPI), which listens on its own
 * port: a random one in tests ({@code quarkus.management.test-port=0}), 9000 in production.
 */
public final class Management {

    private Management() {
    }

    /** The port the management interface of the application under test listens on. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}

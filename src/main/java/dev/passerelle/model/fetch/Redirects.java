package dev.passerelle.model.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * GETs a URL following redirects itself, so the bearer token reaches only the configured server
 * (the Hub redirects large files to a CDN, which must not see it), and no hop goes to plain http
 * unless allowed, nor ever from https down to http.
 */
final class Redirects {

    static final int MAX_REDIRECTS = 10;
    static final String HOW_TO_ALLOW = ": refused, files and the token would travel unencrypted; use https, or "
            + "allow plain http with --allow-http (fetch-model) or passerelle.model.allow-insecure-mirror=true "
            + "(PASSERELLE_MODEL_ALLOW_INSECURE_MIRROR=true)";
    private static final Set<Integer> REDIRECT = Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final URI origin;
    private final Transport transport;

    /** {@code http} must not follow redirects itself; {@code origin} is the configured server. */
    Redirects(HttpClient http, URI origin, Transport transport) {
        this.http = http;
        this.origin = origin;
        this.transport = transport;
    }

    /**
     * The answer at the end of the redirects.
     *
     * @param headers the final response's headers first, then those of the redirects that led to it
     * @param body read with the stall timeout; closing it early drops the connection
     */
    record Response(int status, URI uri, List<HttpHeaders> headers, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    Response get(URI uri, Map<String, String> headers) throws IOException, InterruptedException, FetchException {
        List<HttpHeaders> seen = new ArrayList<>();
        URI at = uri;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(at)
                    .timeout(transport.stallTimeout()) // the wait for headers; StallGuard bounds the body
                    .header("User-Agent", "passerelle-fetch");
            headers.forEach(req::header);
            if (transport.token() != null && sameOrigin(at, origin)) {
                req.header("Authorization", "Bearer " + transport.token());
            }
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> resp = http.send(req.build(),
                    HttpResponse.BodyHandlers.ofPublisher());
            StallGuard body = new StallGuard(resp.body(), transport.stallTimeout(), at.getHost());
            seen.add(0, resp.headers());
            Optional<String> location = resp.headers().firstValue("Location");
            if (!REDIRECT.contains(resp.statusCode()) || location.isEmpty()) {
                return new Response(resp.statusCode(), at, List.copyOf(seen), body);
            }
            body.close();
            if (redirects == MAX_REDIRECTS) {
                throw new FetchException("GET " + uri + ": more than " + MAX_REDIRECTS + " redirects");
            }
            at = next(at, location.get(), transport.allowHttp());
        }
    }

    /** Refuses a server address that is not https, unless it is http and plain http is allowed. */
    static void checkServer(URI base, boolean allowHttp) throws FetchException {
        String scheme = scheme(base);
        if (scheme.equals("http") && !allowHttp) {
            throw new FetchException("plain http server " + base + HOW_TO_ALLOW);
        }
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new FetchException("server " + base + " is not an http(s) address");
        }
    }

    /** Where a redirect from {@code from} to {@code location} leads, if the step is allowed. */
    static URI next(URI from, String location, boolean allowHttp) throws FetchException {
        URI to;
        try {
            to = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException(from.getHost() + " redirected to a malformed address");
        }
        String scheme = scheme(to);
        if (scheme.equals("https")) {
            return to;
        }
        if (!scheme.equals("http")) {
            throw new FetchException(from.getHost() + " redirected to a " + scheme + " address; only https is followed");
        }
        if (scheme(from).equals("https")) {
            throw new FetchException(from.getHost() + " redirected to plain http (" + to.getHost() + "): refused, "
                    + "the download would leave https");
        }
        if (!allowHttp) {
            throw new FetchException(from.getHost() + " redirected to plain http (" + to.getHost() + ")"
                    + HOW_TO_ALLOW);
        }
        return to;
    }

    /** Same scheme, host and port: where the token may go. */
    static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static String scheme(URI u) {
        return u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : scheme(u).equals("https") ? 443 : 80;
    }
}

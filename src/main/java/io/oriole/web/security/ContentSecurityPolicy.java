package io.oriole.web.security;

import java.util.List;

/**
 * The Content-Security-Policy of Oriole's pages: scripts, styles, images, fonts and connections (WebSockets
 * included) from Oriole's own origin only, no plugins, forms posting back to Oriole only. No inline code at all, so
 * templates keep scripts and styles in static files ({@code NoInlineCodeTests} holds them to it).
 * Staff pages may be framed by Oriole itself only; the widget page by the sites its tenant lists
 * ({@link io.oriole.tenant.WidgetSites}), or by any site while the list is empty.
 */
public final class ContentSecurityPolicy {

    private static final String OWN_ORIGIN_ONLY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; ";

    /** Staff pages, the login page and everything else that is not the widget. */
    public static final String STAFF = OWN_ORIGIN_ONLY + "frame-ancestors 'self'";

    /** The widget's own files, before a page knows which tenant it serves. */
    public static final String WIDGET_ANY_SITE = widget(List.of());

    private ContentSecurityPolicy() {
    }

    /**
     * The widget page of a tenant allowing {@code sites} (already validated origins): for example
     * {@code [https://shop.example.com]} gives {@code … frame-ancestors https://shop.example.com;}, and an empty list
     * {@code frame-ancestors *;}.
     */
    public static String widget(List<String> sites) {
        return OWN_ORIGIN_ONLY + "frame-ancestors " + (sites.isEmpty() ? "*" : String.join(" ", sites)) + ";";
    }
}

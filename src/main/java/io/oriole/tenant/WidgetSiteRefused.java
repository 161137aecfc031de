package io.oriole.tenant;

import io.oriole.shared.Refusal;

/** An entry of the widget's allowed sites is not a site address; {@link #site()} is the entry as typed. */
public class WidgetSiteRefused extends Refusal {

    public enum Reason {
        NOT_A_SITE, TOO_MANY
    }

    private final String site;

    public WidgetSiteRefused(Reason reason, String site) {
        super(Kind.INVALID, reason, "sites", reason == Reason.NOT_A_SITE
                ? "sites: '" + site + "' is not an origin such as https://shop.example.com or https://*.example.com"
                : "sites: at most " + WidgetSites.MAX_SITES + " sites");
        this.site = site;
    }

    public String site() {
        return site;
    }
}

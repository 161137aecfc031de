package io.oriole.web.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oriole.identity.Permission;
import io.oriole.identity.Role;
import io.oriole.web.api.PermissionMatrixIntegrationTests.Endpoint;

/**
 * Renders the generated parts of docs/permissions.md: the role × permission matrix from {@link Permission}, the
 * endpoint list from the handlers' annotations and the content-dependent checks from the test's scenarios. Each
 * part sits between {@code <!-- name:start -->} and {@code <!-- name:end -->}; the prose around them is the docs'.
 */
final class PermissionDocs {

    private PermissionDocs() {
    }

    /** {@code document} with its generated parts replaced by what the code says now. */
    static String render(String document, List<Endpoint> endpoints, List<Map.Entry<Permission, String>> scenarios) {
        String out = replace(document, "matrix", matrix());
        out = replace(out, "endpoints", endpoints(endpoints));
        return replace(out, "content-checks", scenarios(scenarios));
    }

    static String matrix() {
        StringBuilder b = new StringBuilder("| permission | covers |");
        for (Role r : Role.values()) {
            b.append(' ').append(r).append(" |");
        }
        b.append(" why |\n| --- | --- |");
        for (Role r : Role.values()) {
            b.append(" :-: |");
        }
        b.append(" --- |\n");
        for (Permission p : Permission.values()) {
            b.append("| `").append(p).append("` | ").append(p.description()).append(" |");
            for (Role r : Role.values()) {
                b.append(p.allows(r) ? " ✔ |" : " — |");
            }
            b.append(' ').append(p.reason() == null ? "" : p.reason()).append(" |\n");
        }
        return b.toString();
    }

    static String endpoints(List<Endpoint> endpoints) {
        StringBuilder b = new StringBuilder("| endpoint | permission |\n| --- | --- |\n");
        for (Endpoint e : endpoints) {
            b.append("| `").append(e.method()).append(' ').append(e.pattern()).append('`')
                    .append(e.consumes() == null ? "" : " (" + e.consumes() + ")").append(" | `")
                    .append(e.permission()).append("` |\n");
        }
        return b.toString();
    }

    static String scenarios(List<Map.Entry<Permission, String>> scenarios) {
        StringBuilder b = new StringBuilder("| permission | checked when |\n| --- | --- |\n");
        for (Map.Entry<Permission, String> s : scenarios) {
            b.append("| `").append(s.getKey()).append("` | ").append(s.getValue()).append(" |\n");
        }
        return b.toString();
    }

    private static String replace(String document, String name, String body) {
        Pattern part = Pattern.compile("(<!-- " + name + ":start -->\n).*?(<!-- " + name + ":end -->)",
                Pattern.DOTALL);
        Matcher m = part.matcher(document);
        if (!m.find()) {
            throw new IllegalStateException("docs/permissions.md has no <!-- " + name + ":start --> part");
        }
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + body + m.group(2)));
    }
}

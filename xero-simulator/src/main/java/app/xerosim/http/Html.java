package app.xerosim.http;

import org.jspecify.annotations.Nullable;

/** HTML escaping and the page frame shared by the simulator's web pages. */
public final class Html {

    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    public static String esc(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page; {@code body} must already be escaped HTML. */
    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Xero simulator</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1e2a38}
                header{border-bottom:3px solid #13b5ea;margin-bottom:1rem;padding-bottom:.5rem}
                table{border-collapse:collapse;width:100%%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde}
                label{display:block;margin:.4rem 0}.error{color:#b00020}.muted{color:#667}
                button{margin:.3rem .3rem .3rem 0;padding:.35rem .9rem}
                fieldset{margin:.8rem 0}
                </style>
                </head>
                <body>
                <header><strong>Xero simulator</strong> <span class="muted">— a local stand-in for Xero</span></header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(esc(title), body);
    }
}

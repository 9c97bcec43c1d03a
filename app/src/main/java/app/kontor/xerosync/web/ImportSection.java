package app.kontor.xerosync.web;

import app.kontor.practice.SignedInUser;
import app.kontor.system.PageChrome;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroSettingsSection;
import app.kontor.xerosync.MatchReviews;
import app.kontor.xerosync.XeroImports;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The import's progress, its summary and the Needs attention list, on the Xero settings page. */
@Component
class ImportSection implements XeroSettingsSection {

    static final String TEMPLATE = "xerosync/import.jte";
    static final int ATTENTION_SHOWN = 50;

    private final TemplateEngine templates;
    private final XeroImports imports;
    private final MatchReviews reviews;

    ImportSection(TemplateEngine templates, XeroImports imports, MatchReviews reviews) {
        this.templates = templates;
        this.imports = imports;
        this.reviews = reviews;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Content render(@Nullable XeroConnection connection, SignedInUser viewer, PageChrome page, String baseUrl) {
        var model = model(viewer);
        return output -> templates.render(TEMPLATE, model, output);
    }

    Map<String, Object> model(SignedInUser viewer) {
        var practice = viewer.practiceId();
        var model = new HashMap<String, Object>();
        model.put("run", imports.latest(practice).orElse(null));
        model.put("reviews", reviews.count(practice));
        model.put("attentionCount", imports.needsAttentionCount(practice));
        model.put("problems", imports.needsAttention(practice, ATTENTION_SHOWN));
        return model;
    }
}

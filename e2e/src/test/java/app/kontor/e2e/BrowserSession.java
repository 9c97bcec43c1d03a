package app.kontor.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the packaged app and Chromium once per test JVM (JUnit closes both when the run ends), gives
 * each test a fresh browser context and page, and keeps a screenshot, the HTML and the browser console
 * of a failing test (and of any tab it opened) under {@code target/e2e-failures/}. Resolves {@link Page},
 * {@link KontorApp} and {@link E2eSettings} parameters. A {@link FreshKontor} class gets an app of its own.
 */
final class BrowserSession implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(BrowserSession.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        var chromium = root(context)
                .computeIfAbsent(Chromium.class, key -> Chromium.launch(settings(context)), Chromium.class);
        var app = app(context);
        var browserContext = chromium.newContext(app.baseUrl());
        var page = browserContext.newPage();
        var console = new CopyOnWriteArrayList<String>();
        page.onConsoleMessage(
                message -> console.add(message.type() + ": " + message.text() + " (" + message.location() + ")"));
        page.onPageError(error -> console.add("uncaught: " + error));
        // Stored per test: JUnit closes it, and so the browser context, after the test's @AfterEach.
        context.getStore(NAMESPACE).put(Session.class, new Session(browserContext, page, console));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        var failure = context.getExecutionException();
        var session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (failure.isEmpty() || session == null) {
            return;
        }
        var directory = settings(context).failuresDirectory();
        var name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(directory);
            // The test's page first, then any it opened (View in Xero opens a tab): each may show why.
            var pages = new java.util.ArrayList<Page>();
            pages.add(session.page());
            session.browserContext().pages().stream()
                    .filter(other -> other != session.page())
                    .forEach(pages::add);
            for (int i = 0; i < pages.size(); i++) {
                var page = pages.get(i);
                if (page.isClosed()) {
                    continue;
                }
                var base = i == 0 ? name : name + ".tab" + (i + 1);
                var screenshot = directory.resolve(base + ".png");
                var html = directory.resolve(base + ".html");
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
                Files.writeString(html, "<!-- " + page.url() + " -->\n" + page.content(), StandardCharsets.UTF_8);
                context.publishReportEntry("screenshot", screenshot.toString());
                context.publishReportEntry("html", html.toString());
            }
            Files.write(directory.resolve(name + ".console.txt"), session.console(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Never let a failed capture hide why the test failed.
            failure.get().addSuppressed(e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == Page.class || type == KontorApp.class || type == E2eSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == KontorApp.class) {
            return app(context);
        }
        if (parameter.getParameter().getType() == E2eSettings.class) {
            return settings(context);
        }
        return context.getStore(NAMESPACE).get(Session.class, Session.class).page();
    }

    /** The shared app, or for a {@link FreshKontor} class that class's own (closed when the class ends). */
    private static KontorApp app(ExtensionContext context) {
        var testClass = context.getRequiredTestClass();
        if (testClass.isAnnotationPresent(FreshKontor.class)) {
            var classContext = context;
            while (classContext.getTestMethod().isPresent()) {
                classContext = classContext.getParent().orElseThrow();
            }
            var settings = settings(context);
            var name = "e2e-app-" + testClass.getSimpleName();
            return classContext
                    .getStore(NAMESPACE)
                    // Not KontorApp.class: a store also answers with its parents' values, the root's shared app.
                    .computeIfAbsent(
                            FreshKontor.class,
                            key -> KontorApp.startFresh(
                                    settings,
                                    settings.targetDirectory().resolve(name),
                                    settings.targetDirectory().resolve(name + ".log")),
                            KontorApp.class);
        }
        return root(context)
                .computeIfAbsent(KontorApp.class, key -> KontorApp.start(settings(context)), KontorApp.class);
    }

    static E2eSettings settings(ExtensionContext context) {
        return root(context)
                .computeIfAbsent(E2eSettings.class, key -> E2eSettings.fromSystemProperties(), E2eSettings.class);
    }

    private static ExtensionContext.Store root(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    private record Session(BrowserContext browserContext, Page page, List<String> console) implements AutoCloseable {
        @Override
        public void close() {
            browserContext.close();
        }
    }
}

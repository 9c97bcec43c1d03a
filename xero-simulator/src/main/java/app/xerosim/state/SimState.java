package app.xerosim.state;

import app.xerosim.NameComparison;
import app.xerosim.SimContact;
import app.xerosim.WebhookSubscription;
import app.xerosim.http.Json;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * All mutable state behind one lock. Xero's rules (unique names, single-use codes, idempotency) are checks
 * followed by writes, so one lock keeps them honest without per-rule locking; the simulator is never the
 * bottleneck of a test. Writes mark the state dirty and a background save follows within
 * {@value #SAVE_DELAY_MILLIS} ms when a data file is set.
 */
public final class SimState implements AutoCloseable {

    private static final long SAVE_DELAY_MILLIS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReentrantLock lock = new ReentrantLock();
    private final @Nullable Path dataFile;
    private final NameComparison names;
    private final AtomicBoolean saveScheduled = new AtomicBoolean();
    private final ScheduledExecutorService saver;

    private SimUser user;
    private RSAKey signingKey;
    private final Map<java.util.UUID, OrgBook> organisations = new LinkedHashMap<>();
    private final Map<String, RegisteredApp> apps = new LinkedHashMap<>();
    private final Map<UUID, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();
    private final Map<String, AuthCode> codes = new LinkedHashMap<>();
    private final Map<String, IdempotentResponse> idempotency = new LinkedHashMap<>();
    private @Nullable WebhookSubscription webhook;
    private OrgBook.@Nullable ContactListener contactListener;

    public SimState(@Nullable Path dataFile, NameComparison names, SimUser defaultUser) {
        this.dataFile = dataFile;
        this.names = names;
        this.user = defaultUser;
        this.saver = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("xerosim-save").factory());
        if (dataFile != null && Files.exists(dataFile)) {
            load(dataFile);
        } else {
            this.signingKey = newSigningKey();
        }
    }

    /** Runs {@code action} under the lock, for reads. */
    public <T> T read(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} under the lock and schedules a save. */
    public <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            scheduleSave();
        }
    }

    public void writeRun(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    public NameComparison names() {
        return names;
    }

    public SimUser user() {
        return user;
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    public Map<UUID, OrgBook> organisations() {
        return organisations;
    }

    /** Adds an organisation; its contact changes go to the current listener. Call with the lock held. */
    public OrgBook addOrganisation(OrganisationInfo info) {
        OrgBook book = new OrgBook(info, names);
        book.listener(contactListener);
        organisations.put(info.tenantId(), book);
        return book;
    }

    /** Sets who hears about contact changes, in every organisation (loading a file is not a change). */
    public void contactListener(OrgBook.@Nullable ContactListener listener) {
        read(() -> {
            this.contactListener = listener;
            organisations.values().forEach(book -> book.listener(listener));
            return null;
        });
    }

    public @Nullable OrgBook organisation(UUID tenantId) {
        return organisations.get(tenantId);
    }

    public @Nullable OrgBook organisationByShortCode(String shortCode) {
        return organisations.values().stream()
                .filter(o -> o.info().shortCode().equals(shortCode))
                .findFirst()
                .orElse(null);
    }

    public Map<String, RegisteredApp> apps() {
        return apps;
    }

    public Map<UUID, Connection> connections() {
        return connections;
    }

    public Map<String, Grant> grants() {
        return grants;
    }

    public Map<String, RefreshToken> refreshTokens() {
        return refreshTokens;
    }

    public Map<String, AuthCode> codes() {
        return codes;
    }

    public Map<String, IdempotentResponse> idempotency() {
        return idempotency;
    }

    public @Nullable WebhookSubscription webhook() {
        return webhook;
    }

    public void webhook(@Nullable WebhookSubscription value) {
        this.webhook = value;
    }

    /** A fresh ShortCode like Xero's ({@code !} and five letters or digits), unique in this simulator. */
    public String newShortCode() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        while (true) {
            StringBuilder code = new StringBuilder("!");
            for (int i = 0; i < 5; i++) {
                code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            if (organisationByShortCode(code.toString()) == null) {
                return code.toString();
            }
        }
    }

    public static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    private void scheduleSave() {
        if (dataFile != null && saveScheduled.compareAndSet(false, true)) {
            saver.schedule(
                    () -> {
                        saveScheduled.set(false);
                        save();
                    },
                    SAVE_DELAY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes the data file now (atomically: a temporary file, then a move). No-op without a data file.
     * Synchronised so the background save and the one at close never share the temporary file.
     */
    public synchronized void save() {
        if (dataFile == null) {
            return;
        }
        StateFile snapshot = read(this::snapshot);
        try {
            Path absolute = dataFile.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
            Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot));
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the simulator state to " + dataFile, e);
        }
    }

    private StateFile snapshot() {
        List<StateFile.OrgFile> orgs = new ArrayList<>();
        organisations.values().forEach(book -> orgs.add(new StateFile.OrgFile(book.info(), book.contacts())));
        return new StateFile(
                StateFile.CURRENT_VERSION,
                user,
                signingKey.toJSONString(),
                orgs,
                List.copyOf(apps.values()),
                List.copyOf(connections.values()),
                List.copyOf(grants.values()),
                List.copyOf(refreshTokens.values()),
                List.copyOf(codes.values()),
                List.copyOf(idempotency.values()),
                webhook);
    }

    private void load(Path file) {
        StateFile loaded;
        try {
            loaded = Json.MAPPER.readValue(Files.readAllBytes(file), StateFile.class);
            this.signingKey = RSAKey.parse(loaded.signingKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the simulator state from " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key in " + file + " is not a JWK", e);
        }
        this.user = loaded.user();
        for (StateFile.OrgFile org : loaded.organisations()) {
            OrgBook book = new OrgBook(org.info(), names);
            for (SimContact contact : org.contacts()) {
                book.put(contact);
            }
            organisations.put(org.info().tenantId(), book);
        }
        loaded.apps().forEach(a -> apps.put(a.clientId(), a));
        loaded.connections().forEach(c -> connections.put(c.id(), c));
        loaded.grants().forEach(g -> grants.put(g.grantId(), g));
        loaded.refreshTokens().forEach(t -> refreshTokens.put(t.token(), t));
        loaded.codes().forEach(c -> codes.put(c.code(), c));
        loaded.idempotency().forEach(i -> idempotency.put(i.scope(), i));
        this.webhook = loaded.webhook();
    }

    private static RSAKey newSigningKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(randomToken(8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the token signing key", e);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        save();
    }
}

package app.kontor.xero.rest;

import app.kontor.practice.SignedInUser;
import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The practice's Xero connection: its status for everyone; disconnecting for admins. */
@RestController
@RequestMapping("/api/v1/xero/connection")
@Tag(name = "Xero connection", description = "The practice's connection to its Xero organisation")
class XeroConnectionApi {

    /** Where a browser starts a consent; connecting is a browser flow through Xero's consent page. */
    static final String CONNECT_URL = "/oauth2/authorization/xero";

    private final XeroConnections connections;

    XeroConnectionApi(XeroConnections connections) {
        this.connections = connections;
    }

    @Schema(description = "The practice's Xero connection; the Xero fields are null when it never connected")
    record ConnectionResource(
            @Schema(
                    example = "CONNECTED",
                    allowableValues = {"CONNECTED", "NEEDS_RECONNECT", "DISCONNECTED"})
            String status,

            @Schema(description = "The words the settings page shows", example = "Connected")
            String statusLabel,

            @Schema(description = "Automatic sync is paused", example = "false")
            boolean paused,

            @Schema(description = "Xero's id of the organisation", example = "9c4e2a71-3b8d-4f06-a5e2-7d1b0c9f6e38")
            @Nullable
            UUID tenantId,

            @Schema(example = "Lindqvist & Hart Accounting") @Nullable
            String organisationName,

            @Schema(description = "Xero's short code of the organisation, for links into Xero", example = "!kT9pQ")
            @Nullable
            String shortCode,

            @Schema(example = "Mika Hart") @Nullable String connectedBy,

            @Schema(example = "2026-09-14T22:31:07Z") @Nullable
            Instant connectedAt,

            @Schema(
                    description = "Which Xero contacts become new Kontor contacts",
                    example = "CUSTOMERS",
                    allowableValues = {"CUSTOMERS", "CUSTOMERS_AND_SUPPLIERS", "ALL"})
            @Nullable
            String importFilter,

            @Schema(example = "2026-11-26T14:00:12Z") @Nullable
            Instant lastSyncAt,

            @Schema(example = "2026-11-26T14:05:12Z") @Nullable
            Instant nextSyncAt,

            @Schema(description = "Where an admin's browser starts connecting", example = CONNECT_URL)
            String connectUrl) {

        static ConnectionResource of(@Nullable XeroConnection connection) {
            if (connection == null) {
                var status = ConnectionStatus.DISCONNECTED;
                return new ConnectionResource(
                        status.name(),
                        status.label(),
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        CONNECT_URL);
            }
            return new ConnectionResource(
                    connection.status().name(),
                    connection.statusLabel(),
                    connection.paused(),
                    connection.tenantId(),
                    connection.organisationName(),
                    connection.shortCode(),
                    connection.connectedBy(),
                    connection.connectedAt(),
                    connection.importFilter().name(),
                    connection.lastSyncAt(),
                    connection.nextSyncAt(),
                    CONNECT_URL);
        }
    }

    @GetMapping
    @Operation(
            summary = "The connection's status",
            description = "connectUrl is where an admin's browser starts connecting (Xero's consent page).")
    ConnectionResource status(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return ConnectionResource.of(connections.find(user.practiceId()).orElse(null));
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause automatic sync (admins)")
    @ApiResponse(
            responseCode = "200",
            description = "The connection, paused",
            content = @Content(schema = @Schema(implementation = ConnectionResource.class)))
    ResponseEntity<?> pause(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return adminOnly(user, () -> connections.setPaused(user, true));
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume automatic sync (admins)")
    @ApiResponse(
            responseCode = "200",
            description = "The connection, syncing again",
            content = @Content(schema = @Schema(implementation = ConnectionResource.class)))
    ResponseEntity<?> resume(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return adminOnly(user, () -> connections.setPaused(user, false));
    }

    @Schema(description = "Which Xero contacts become new Kontor contacts")
    record ImportFilterRequest(
            @Schema(
                    example = "CUSTOMERS_AND_SUPPLIERS",
                    allowableValues = {"CUSTOMERS", "CUSTOMERS_AND_SUPPLIERS", "ALL"})
            @Nullable
            String filter) {}

    @PutMapping("/import-filter")
    @Operation(
            summary = "Choose which Xero contacts become new Kontor contacts (admins)",
            description = "filter is CUSTOMERS, CUSTOMERS_AND_SUPPLIERS or ALL. A change starts a new import; "
                    + "links are never removed.")
    @ApiResponse(
            responseCode = "200",
            description = "The connection with its new import filter",
            content = @Content(schema = @Schema(implementation = ConnectionResource.class)))
    ResponseEntity<?> importFilter(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @RequestBody(required = false) @Nullable ImportFilterRequest request) {
        var filter = request == null || request.filter() == null
                ? null
                : java.util.Arrays.stream(ImportFilter.values())
                        .filter(candidate -> candidate.name().equals(request.filter()))
                        .findFirst()
                        .orElse(null);
        if (filter == null) {
            return ResponseEntity.unprocessableContent()
                    .body(Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            ProblemTypes.VALIDATION_FAILED,
                            "filter must be CUSTOMERS, CUSTOMERS_AND_SUPPLIERS or ALL."));
        }
        return adminOnly(user, () -> connections.setImportFilter(user, filter));
    }

    private ResponseEntity<?> adminOnly(SignedInUser user, Runnable action) {
        if (!user.isAdmin()) {
            return forbidden();
        }
        if (connections
                .find(user.practiceId())
                .filter(XeroConnection::isConnected)
                .isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Problems.of(
                            HttpStatus.CONFLICT,
                            ProblemTypes.NOT_CONNECTED,
                            "This practice is not connected to Xero."));
        }
        action.run();
        return ResponseEntity.ok(
                ConnectionResource.of(connections.find(user.practiceId()).orElse(null)));
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Only an admin can do this."));
    }

    @PostMapping("/disconnect")
    @Operation(summary = "Disconnect from Xero (admins)", description = "Links between contacts are kept.")
    @ApiResponse(
            responseCode = "200",
            description = "The connection, now disconnected; a Warning header when Xero could not be told",
            content = @Content(schema = @Schema(implementation = ConnectionResource.class)))
    ResponseEntity<?> disconnect(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        if (!user.isAdmin()) {
            return forbidden();
        }
        var warning = connections.disconnect(user);
        var body = ConnectionResource.of(connections.find(user.practiceId()).orElse(null));
        return warning.<ResponseEntity<?>>map(text -> ResponseEntity.ok()
                        .header("Warning", "199 kontor \"" + text.replace("\"", "'") + "\"")
                        .body(body))
                .orElseGet(() -> ResponseEntity.ok(body));
    }
}

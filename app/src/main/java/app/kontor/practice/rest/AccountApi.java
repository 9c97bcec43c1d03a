package app.kontor.practice.rest;

import app.kontor.practice.ApiToken;
import app.kontor.practice.ApiTokenNotFoundException;
import app.kontor.practice.ApiTokens;
import app.kontor.practice.KontorUserDetails;
import app.kontor.practice.PasswordPolicy;
import app.kontor.practice.SignedInSessions;
import app.kontor.practice.StaffAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/account}: the API twin of {@code /settings/account}, for every user: who you are,
 * change your password, and your personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Your account", description = "Your own password and personal API tokens")
class AccountApi {

    private final StaffAccounts accounts;
    private final ApiTokens tokens;

    AccountApi(StaffAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record AccountResource(
            @Schema(example = "3f2b8c1e-6d0a-4e57-9a51-0c4f3b1d2e7a")
            UUID id,

            @Schema(example = "mika.hart@example.com") String email,
            @Schema(example = "Mika Hart") String displayName,

            @Schema(
                    example = "MEMBER",
                    allowableValues = {"ADMIN", "MEMBER"})
            String role,

            @Schema(example = "8d1c4a2e-0b7f-4c39-8e65-2a9d3f1b5c70")
            UUID practiceId,

            @Schema(example = "Lindqvist & Hart Accounting") String practiceName,

            @Schema(
                    description = "Signed in with a one-time password: change it before anything else",
                    example = "false")
            boolean mustChangePassword) {}

    @Schema(description = "Your current password and the new one. " + PasswordPolicy.RULE)
    record PasswordChangeRequest(
            @Schema(example = "the one I use today") @Nullable
            String currentPassword,

            @Schema(example = "Seven green kettles sing") @Nullable
            String newPassword) {}

    record TokenResource(
            @Schema(example = "b6f1e0c2-9a3d-4f57-8c21-7e4d0a9b3f18")
            UUID id,

            @Schema(example = "Monthly export script") String name,
            @Schema(example = "2026-11-26T14:05:00Z") Instant createdAt,

            @Schema(example = "2026-11-27T08:30:00Z", nullable = true) @Nullable
            Instant lastUsedAt) {

        static TokenResource of(ApiToken token) {
            return new TokenResource(token.id(), token.name(), token.createdAt(), token.lastUsedAt());
        }
    }

    record NewTokenRequest(
            @Schema(example = "Monthly export script") @Nullable
            String name) {}

    @Schema(description = "A new token; `token` is shown in this response only and is not stored")
    record CreatedTokenResource(
            @Schema(example = "b6f1e0c2-9a3d-4f57-8c21-7e4d0a9b3f18")
            UUID id,

            @Schema(example = "Monthly export script") String name,
            @Schema(example = "2026-11-26T14:05:00Z") Instant createdAt,

            @Schema(
                    description = "Send as `Authorization: Bearer <token>`",
                    example = "kontor_3q2-7wEvZ0pXg4mYc1sRkT9uLbN8aHdJfQ5iVo6eWxU")
            String token) {}

    @GetMapping
    @Operation(summary = "Who you are")
    AccountResource me(@AuthenticationPrincipal KontorUserDetails me) {
        var user = me.user();
        return new AccountResource(
                user.userId().value(),
                user.email(),
                user.displayName(),
                user.role().name(),
                user.practiceId().value(),
                user.practiceName(),
                me.mustChangePassword());
    }

    @PutMapping("/password")
    @Operation(
            summary = "Change your password",
            description = "204 when changed; your other sessions end (this session, and API tokens, keep working). "
                    + "422 when the current password is wrong or the new one is too weak: "
                    + PasswordPolicy.RULE)
    @ApiResponse(responseCode = "204", description = "Changed")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal KontorUserDetails me,
            @RequestBody PasswordChangeRequest request,
            HttpServletRequest http,
            HttpServletResponse response) {
        var now = accounts.changeOwnPassword(
                me.user(),
                Objects.requireNonNullElse(request.currentPassword(), ""),
                Objects.requireNonNullElse(request.newPassword(), ""));
        SignedInSessions.keepSignedIn(now, http, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @Operation(summary = "List your API tokens", description = "Revoked tokens are not listed; token values never are.")
    List<TokenResource> listTokens(@AuthenticationPrincipal KontorUserDetails me) {
        return tokens.list(me.user()).stream().map(TokenResource::of).toList();
    }

    @PostMapping("/tokens")
    @Operation(
            summary = "Create an API token",
            description = "201 with the token, shown only in this response (Kontor keeps its SHA-256 only).")
    @ApiResponse(
            responseCode = "201",
            description = "The new token",
            content = @Content(schema = @Schema(implementation = CreatedTokenResource.class)))
    ResponseEntity<CreatedTokenResource> createToken(
            @AuthenticationPrincipal KontorUserDetails me, @RequestBody NewTokenRequest request) {
        var created = tokens.create(me.user(), Objects.requireNonNullElse(request.name(), ""));
        var token = created.token();
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + token.id()))
                .body(new CreatedTokenResource(token.id(), token.name(), token.createdAt(), created.secret()));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of your API tokens", description = "204; it stops working at once.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal KontorUserDetails me, @PathVariable String id) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ApiTokenNotFoundException();
        }
        tokens.revoke(me.user(), tokenId);
        return ResponseEntity.noContent().build();
    }
}

package app.kontor.practice.rest;

import app.kontor.practice.InvalidAccountException;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import app.kontor.practice.SignedInUser;
import app.kontor.practice.StaffAccounts;
import app.kontor.practice.StaffUser;
import app.kontor.practice.UserNotFoundException;
import app.kontor.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: the API twin of {@code /settings/users}, for admins only (403 for members).
 * A new user, or a reset password, comes with a one-time password that is in this response only.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The staff of your practice (admins only)")
class UsersApi {

    private final Practices practices;
    private final StaffAccounts accounts;

    UsersApi(Practices practices, StaffAccounts accounts) {
        this.practices = practices;
        this.accounts = accounts;
    }

    @Schema(description = "A staff user of your practice")
    record UserResource(
            @Schema(example = "3f2b8c1e-6d0a-4e57-9a51-0c4f3b1d2e7a")
            UUID id,

            @Schema(example = "mika.hart@example.com") String email,
            @Schema(example = "Mika Hart") String displayName,

            @Schema(
                    example = "MEMBER",
                    allowableValues = {"ADMIN", "MEMBER"})
            String role,

            @Schema(example = "true") boolean active,

            @Schema(description = "Has a one-time password not yet replaced", example = "false")
            boolean mustChangePassword,

            @Schema(example = "2026-11-26T14:05:00Z") Instant createdAt) {

        static UserResource of(StaffUser user) {
            return new UserResource(
                    user.id().value(),
                    user.email(),
                    user.displayName(),
                    user.role().name(),
                    user.active(),
                    user.mustChangePassword(),
                    user.createdAt());
        }
    }

    @Schema(description = "A user to add; they sign in with the one-time password in the response")
    record NewUserRequest(
            @Schema(example = "mika.hart@example.com") @Nullable
            String email,

            @Schema(example = "Mika Hart") @Nullable String displayName,

            @Schema(
                    example = "MEMBER",
                    allowableValues = {"ADMIN", "MEMBER"},
                    defaultValue = "MEMBER")
            @Nullable
            String role) {}

    @Schema(description = "The user and their one-time password, shown in this response only")
    record AddedUserResource(
            UserResource user,
            @Schema(example = "q7HkT3mWz9PcX2vR") String oneTimePassword) {}

    record RoleRequest(
            @Schema(
                    example = "ADMIN",
                    allowableValues = {"ADMIN", "MEMBER"})
            @Nullable
            String role) {}

    @Schema(description = "The new one-time password, shown in this response only")
    record OneTimePasswordResource(
            @Schema(example = "q7HkT3mWz9PcX2vR") String oneTimePassword) {}

    @GetMapping
    @Operation(summary = "List the practice's users")
    List<UserResource> list(@AuthenticationPrincipal(expression = "user") SignedInUser admin) {
        return practices.users(admin.practiceId()).stream()
                .map(UserResource::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    @ApiResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = UserResource.class)))
    @ApiResponse(responseCode = "404", description = "No such user in your practice")
    UserResource get(@AuthenticationPrincipal(expression = "user") SignedInUser admin, @PathVariable String id) {
        return UserResource.of(
                practices.findUser(admin.practiceId(), userId(id)).orElseThrow(UserNotFoundException::new));
    }

    @PostMapping
    @Operation(
            summary = "Add a user",
            description = "201 with the user and a one-time password (shown only here; they choose their own at "
                    + "first sign-in). 422 for an invalid or already used email.")
    @ApiResponse(
            responseCode = "201",
            description = "The new user and their one-time password",
            content = @Content(schema = @Schema(implementation = AddedUserResource.class)))
    ResponseEntity<AddedUserResource> add(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin, @RequestBody NewUserRequest request) {
        var role = role(request.role() == null ? Role.MEMBER.name() : request.role());
        var added = accounts.add(
                admin,
                Objects.requireNonNullElse(request.email(), ""),
                Objects.requireNonNullElse(request.displayName(), ""),
                role);
        return ResponseEntity.created(URI.create("/api/v1/users/" + added.user().id()))
                .body(new AddedUserResource(UserResource.of(added.user()), added.oneTimePassword()));
    }

    @PutMapping("/{id}/role")
    @Operation(
            summary = "Change a user's role",
            description = "409 last-admin when it would leave the practice without an active admin.")
    UserResource changeRole(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String id,
            @RequestBody RoleRequest request) {
        return UserResource.of(
                accounts.changeRole(admin, userId(id), role(Objects.requireNonNullElse(request.role(), ""))));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(
            summary = "Deactivate a user",
            description = "They cannot sign in; their sessions end and their API tokens stop working. "
                    + "409 last-admin for the last active admin.")
    UserResource deactivate(@AuthenticationPrincipal(expression = "user") SignedInUser admin, @PathVariable String id) {
        return UserResource.of(accounts.deactivate(admin, userId(id)));
    }

    @PostMapping("/{id}/activate")
    @Operation(
            summary = "Activate a deactivated user",
            description = "They can sign in again; old sessions stay ended.")
    UserResource activate(@AuthenticationPrincipal(expression = "user") SignedInUser admin, @PathVariable String id) {
        return UserResource.of(accounts.activate(admin, userId(id)));
    }

    @PostMapping("/{id}/password-reset")
    @Operation(
            summary = "Reset a user's password",
            description = "Returns a new one-time password (shown only here); the user's sessions end and they choose "
                    + "their own password at the next sign-in. Their API tokens keep working.")
    OneTimePasswordResource resetPassword(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin, @PathVariable String id) {
        return new OneTimePasswordResource(accounts.resetPassword(admin, userId(id)));
    }

    private static Role role(String text) {
        for (var role : Role.values()) {
            if (role.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return role;
            }
        }
        throw InvalidAccountException.of("role", "Use ADMIN or MEMBER.");
    }

    private static UserId userId(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            throw new UserNotFoundException();
        }
    }
}

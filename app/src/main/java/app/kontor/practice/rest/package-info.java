/** The REST API of users ({@code /api/v1/users}, admins) and of your own account and API tokens ({@code /api/v1/account}). */
@NullMarked
package app.kontor.practice.rest;

import org.jspecify.annotations.NullMarked;

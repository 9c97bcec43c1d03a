/** Practices (the tenants), their staff users and roles, and how a user signs in. */
@NullMarked
package app.kontor.practice;

import org.jspecify.annotations.NullMarked;

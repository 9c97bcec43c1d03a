/** Demo mode: a demo practice with an admin, a member and realistic contacts; nothing depends on it. */
@NullMarked
package app.kontor.demo;

import org.jspecify.annotations.NullMarked;

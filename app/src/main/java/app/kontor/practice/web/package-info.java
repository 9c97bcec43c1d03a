/** Practice settings pages. */
@NullMarked
package app.kontor.practice.web;

import org.jspecify.annotations.NullMarked;

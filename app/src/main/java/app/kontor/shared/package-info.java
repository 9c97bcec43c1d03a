/** The tiny kernel every module may use: typed ids, paging, contact-name normalisation and problem types. */
@NullMarked
package app.kontor.shared;

import org.jspecify.annotations.NullMarked;

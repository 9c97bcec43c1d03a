/** The import's section of the Xero settings page, and the match review page. */
@NullMarked
package app.kontor.xerosync.web;

import org.jspecify.annotations.NullMarked;

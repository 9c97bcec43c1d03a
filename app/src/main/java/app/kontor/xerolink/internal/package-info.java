/** Storage of links, pending creations and history; private to the xerolink module. */
@NullMarked
package app.kontor.xerolink.internal;

import org.jspecify.annotations.NullMarked;

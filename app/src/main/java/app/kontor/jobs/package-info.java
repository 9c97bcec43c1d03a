/**
 * Background jobs on db-scheduler: every {@code Task} bean of any module runs here, once across all
 * Kontor servers sharing the database.
 */
@NullMarked
package app.kontor.jobs;

import org.jspecify.annotations.NullMarked;

/*
 * urlidx.h: the archive's URL index, which finds the newest record of
 * a URL without reading the day indexes.
 *
 * Two files beside the data: DIR/khobor.urls and DIR/khobor.urls.log
 * (FILE.zst.urls and FILE.zst.urls.log for a single file).  Both hold
 * entries of 16 bytes, a 64-bit hash of a URL and where the index line
 * that names it starts:
 *
 *	hash, day << 42 | offset of the line in the day's .idx
 *
 * (day: a number that grows with the date, 0 in a single file; a URL is
 * each of a line's url and other URLs).  The table, khobor.urls, is a
 * hash table written whole (to a temporary file, synced, renamed): a
 * 64-byte header ("khurltab", version, hash bits, id, slots, entries,
 * days), the slots (linear probing from hash * slots >> 64, a hash of 0
 * for an empty slot; one slot a hash, the newest line), and what it
 * covers: for each day, how many bytes of its .idx.  The log,
 * khobor.urls.log, holds what runs added since: a 64-byte header
 * ("khurllog", version, hash bits, the id of its table, how long it was
 * when the last run that wrote to it ended, and whether a run is
 * writing to it now: 1, or 2 while it brings the log up to date as it
 * starts), then entries appended as records are indexed, and
 * after each frame's entries a mark (hash 0, the day and the length its
 * .idx now has).  A run that ends with more than URLIDX_LOG_MAX entries
 * in the log merges it into a new table.
 *
 * A lookup takes the newest entry of the URL's hash in both and reads
 * the line it points at: when the line names the URL, that is its
 * newest record; when it names another (two URLs with one hash), or
 * cannot be read, the caller searches the day indexes.  The hash alone
 * never answers.
 */
#ifndef URLIDX_H
#define URLIDX_H

#include <stddef.h>
#include <stdint.h>

#include "archive.h"

struct archive;
struct part_name;

#define URLIDX_LOG_MAX 65536	/* entries the log may hold after a run */

/* Reading.  urlidx_open: the index, or NULL when there is none that can
 * be trusted, *why saying why (none yet, damaged, a run that did not
 * finish left it behind). */
struct urlidx;
struct urlidx *urlidx_open(const struct archive *a, const char **why);
void urlidx_close(struct urlidx *x);
/* The newest index line naming url: 1, with *e parsed from it (valid
 * until the next call), its day ("" in a single file) and *where, which
 * is larger for a newer line; 0 when the
 * archive has no record of url; -1 when the index cannot say (another
 * URL with its hash, a line it points to that is not there: *why, NULL
 * for a collision). */
int urlidx_find(struct urlidx *x, const char *url, size_t n,
	struct arc_entry *e, char day[11], uint64_t *where, const char **why);

/* Writing, under the archive's lock.  urlidx_begin: once the parts are
 * mended, before anything else changes, the log marked as being written
 * (NULL on error, reported).  urlidx_ready: the index brought up to date with their indexes (made anew when there is none, or when
 * it covers what is no longer there).  urlidx_add: the index lines just
 * appended at off to the .idx of day (day_num()'s YYYYMMDD, 0 for a
 * single file).  urlidx_end: the log synced and marked as no longer
 * written, then merged into a new table if it has grown past
 * URLIDX_LOG_MAX.  Each returns -1 on error, reported. */
struct urlidx_w;
struct urlidx_w *urlidx_begin(const struct archive *a);
int urlidx_ready(struct urlidx_w *w);
int urlidx_add(struct urlidx_w *w, int day, const char *lines, size_t n,
	uint64_t off);
int urlidx_end(struct urlidx_w *w);

/* reindex and verify --repair: a new table made from the day indexes
 * and an empty log: 0, or -1 (reported). */
int urlidx_rebuild(const struct archive *a);
/* verify: the index against the day indexes; the problems found, each
 * reported, or -1 when there is none, or one marked as being written by
 * a run that did not finish (said: that is no damage, get and new search
 * the day indexes; verify --repair makes it anew). */
int urlidx_verify(const struct archive *a);

#endif

/*
 * state.h: what fetch remembers between runs (--state FILE): for each
 * URL its ETag, Last-Modified and when it was last fetched, so the next
 * run asks only for what changed.
 */
#ifndef STATE_H
#define STATE_H

struct state;
struct state_entry {
	char *url, *etag, *last_modified, *fetched_at;	/* NULL: unknown */
	int dirty;		/* changed by this run */
	struct state_entry *next;
};

/* Read the state file (a missing file is an empty state).  A line that
 * cannot be read is reported and dropped; a file that cannot be opened
 * is fatal. */
struct state *state_open(const char *path);
struct state_entry *state_get(struct state *s, const char *url);
/* Remember a fetch of url; etag and last_modified may be NULL. */
void state_put(struct state *s, const char *url, const char *etag,
	const char *last_modified, const char *fetched_at);
/* Write the state: under a lock, merged with what another run saved
 * meanwhile (the later fetch of a URL wins), to a temporary file that
 * is synced and renamed over the old one.  Returns 0 or -1 (reported). */
int state_save(struct state *s);
void state_close(struct state *s);

#endif

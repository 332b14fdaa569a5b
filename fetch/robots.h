/*
 * robots.h: robots.txt (RFC 9309) for one user agent: parse, then ask
 * whether a path may be fetched and what delay the site asks for.
 */
#ifndef ROBOTS_H
#define ROBOTS_H

#include <stddef.h>

#define ROBOTS_MAX_SIZE ((size_t)500 << 10)	/* RFC 9309: parse 500 KiB */
/* The longest path judged, percent-encoded: eight times the 2,083 bytes
 * of the longest URLs browsers have taken (Google's parser cuts lines
 * there too).  A longer path is disallowed by any file with a Disallow
 * rule for us, and rules longer than it are dropped. */
#define ROBOTS_PATH_MAX ((size_t)2083 * 8)

struct robots;

/* The rules of the groups for agent (a product token such as "khobor",
 * matched without case), else of the "*" groups, else none.  Reads at
 * most ROBOTS_MAX_SIZE bytes of txt; any bytes are fine. */
struct robots *robots_parse(const char *txt, size_t len, const char *agent);
/* A site whose robots.txt is missing (allow 1: everything allowed) or
 * unreachable (allow 0: nothing, RFC 9309 2.3.1.4). */
struct robots *robots_all(int allow);
void robots_free(struct robots *r);

/* May path (the URL's path and query, percent-encoded, from '/') be
 * fetched?  The longest matching rule decides; Allow wins a tie.  Takes
 * time linear in the path for each rule, and stops (disallowed) after a
 * bounded number of steps. */
int robots_allowed(const struct robots *r, const char *path);
/* The Crawl-delay in seconds, or -1 when there is none. */
double robots_delay(const struct robots *r);

#endif

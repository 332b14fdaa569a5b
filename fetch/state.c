/*
 * state.c: fetch's state file, JSON Lines of
 * {"url", "etag", "last_modified", "fetched_at"}.
 *
 * Two runs may share a file (cron jobs that overlap).  Each reads it at
 * the start and merges at the end under an flock(2) on FILE.lock, so
 * neither loses the other's URLs; the file itself is only ever replaced
 * whole by rename(2) of a synced temporary file (FILE.tmp), so a crash
 * leaves the old state or the new one, never a torn one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "khobor.h"
#include "state.h"

struct state {
	char *path;
	struct state_entry **tab;
	size_t size, n;		/* buckets (a power of 2), entries */
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static void
set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = dup_or_null(src);
}

static void
grow(struct state *s)
{
	struct state_entry **old = s->tab, *e, *next;
	size_t i, osize = s->size;

	s->size = osize ? 2 * osize : 1024;
	s->tab = calloc(s->size, sizeof(*s->tab));
	if (s->tab == NULL)
		kh_die("out of memory");
	for (i = 0; i < osize; i++)
		for (e = old[i]; e != NULL; e = next) {
			next = e->next;
			e->next = s->tab[hash(e->url) & (s->size - 1)];
			s->tab[hash(e->url) & (s->size - 1)] = e;
		}
	free(old);
}

struct state_entry *
state_get(struct state *s, const char *url)
{
	struct state_entry *e;

	if (s->size == 0)
		return NULL;
	for (e = s->tab[hash(url) & (s->size - 1)]; e != NULL; e = e->next)
		if (strcmp(e->url, url) == 0)
			return e;
	return NULL;
}

static struct state_entry *
get_or_add(struct state *s, const char *url)
{
	struct state_entry *e = state_get(s, url);
	size_t b;

	if (e != NULL)
		return e;
	if (s->n >= s->size / 2)
		grow(s);
	e = kh_malloc(sizeof(*e));
	memset(e, 0, sizeof(*e));
	e->url = strdup(url);
	b = hash(url) & (s->size - 1);
	e->next = s->tab[b];
	s->tab[b] = e;
	s->n++;
	return e;
}

void
state_put(struct state *s, const char *url, const char *etag,
    const char *last_modified, const char *fetched_at)
{
	struct state_entry *e = get_or_add(s, url);

	set_str(&e->etag, etag);
	set_str(&e->last_modified, last_modified);
	set_str(&e->fetched_at, fetched_at);
	e->dirty = 1;
}

/* Read the file into s.  merge: an entry this run changed stays unless
 * the file's is from a later fetch. */
static int
load(struct state *s, int merge)
{
	struct rec_parser *p;
	struct json_object *o;
	struct state_entry *e;
	const char *url, *at, *err;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long ln = 0;
	long off;
	FILE *f;

	if ((f = fopen(s->path, "re")) == NULL) {
		if (errno == ENOENT)
			return 0;
		kh_warn("%s:", s->path);
		return -1;
	}
	p = rec_parser_new();
	while ((len = getline(&line, &cap, f)) > 0) {
		ln++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if ((o = rec_parse(p, line, len, ln == 1, &err, &off)) == NULL) {
			if (err != NULL)
				kh_warn("%s:%lu: %s; dropped", s->path, ln, err);
			continue;
		}
		if ((url = rec_str(o, "url", NULL)) == NULL) {
			kh_warn("%s:%lu: no url; dropped", s->path, ln);
			json_object_put(o);
			continue;
		}
		at = rec_str(o, "fetched_at", NULL);
		e = state_get(s, url);
		if (!merge || e == NULL || !e->dirty ||
		    (at != NULL && (e->fetched_at == NULL ||
		    strcmp(at, e->fetched_at) > 0))) {
			e = get_or_add(s, url);
			set_str(&e->etag, rec_str(o, "etag", NULL));
			set_str(&e->last_modified, rec_str(o, "last_modified", NULL));
			set_str(&e->fetched_at, at);
		}
		json_object_put(o);
	}
	if (ferror(f))
		kh_warn("%s: read error:", s->path);
	free(line);
	rec_parser_free(p);
	fclose(f);
	return 0;
}

/* The lock that orders the loads and saves of runs sharing the file. */
static int
lock(const struct state *s)
{
	size_t n = strlen(s->path) + 6;
	char *name = kh_malloc(n);
	int fd;

	snprintf(name, n, "%s.lock", s->path);
	fd = kh_open(name, O_RDWR | O_CREAT, 0644);
	if (fd < 0)
		kh_warn("%s:", name);
	else
		while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
			;
	free(name);
	return fd;
}

struct state *
state_open(const char *path)
{
	struct state *s = kh_malloc(sizeof(*s));
	int fd;

	memset(s, 0, sizeof(*s));
	s->path = strdup(path);
	grow(s);
	if ((fd = lock(s)) < 0)
		kh_die("cannot lock the state file %s", path);
	if (load(s, 0) < 0)
		kh_die("cannot read the state file %s", path);
	close(fd);
	return s;
}

static void
put_entry(FILE *f, const struct state_entry *e)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "url", json_object_new_string(e->url));
	if (e->etag != NULL)
		json_object_object_add(o, "etag",
		    json_object_new_string(e->etag));
	if (e->last_modified != NULL)
		json_object_object_add(o, "last_modified",
		    json_object_new_string(e->last_modified));
	if (e->fetched_at != NULL)
		json_object_object_add(o, "fetched_at",
		    json_object_new_string(e->fetched_at));
	rec_print(f, o);
	json_object_put(o);
}

int
state_save(struct state *s)
{
	struct state_entry *e;
	size_t i;
	int lfd, r, ret = -1;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	if ((lfd = lock(s)) < 0)
		goto out;
	if (load(s, 1) < 0)
		goto out;
	/* Written in memory first, then with write(2) in a loop: a short
	 * write or an error of the very call is seen and said (a test's
	 * fault shim fails it), and the file is never left half-written
	 * under its real name.  Saves are under the lock. */
	if ((f = open_memstream(&buf, &len)) == NULL)
		kh_die("out of memory");
	for (i = 0; i < s->size; i++)
		for (e = s->tab[i]; e != NULL; e = e->next)
			put_entry(f, e);
	if (fclose(f) != 0)
		kh_die("out of memory");
	if ((r = kh_replace_file(s->path, buf, len)) < 0)
		goto out;
	ret = r == 0 ? 0 : -1;
	for (i = 0; i < s->size; i++)
		for (e = s->tab[i]; e != NULL; e = e->next)
			e->dirty = 0;
out:
	if (lfd >= 0)
		close(lfd);
	free(buf);
	return ret;
}

void
state_close(struct state *s)
{
	struct state_entry *e, *next;
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->size; i++)
		for (e = s->tab[i]; e != NULL; e = next) {
			next = e->next;
			free(e->url);
			free(e->etag);
			free(e->last_modified);
			free(e->fetched_at);
			free(e);
		}
	free(s->tab);
	free(s->path);
	free(s);
}

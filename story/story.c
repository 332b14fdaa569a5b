/*
 * story: the same story across outlets and languages.
 *
 * Appends "story" (docs/records.md) to every record that has a text:
 * an id that the articles about one event share, within a window of
 * days, whatever their outlet or language (story/cluster.c says how).
 * Other records pass unchanged.  --state keeps the window from run to
 * run, so that an article of today's run joins yesterday's story.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>

#include "khobor.h"
#include "cluster.h"

enum { O_STATE = KH_OPT_OWN, O_WINDOW };

#define WINDOW_MAX 366

static const char *state_path;
static long window_days = 3;
static int verbose;
static unsigned long nstories, narticles;

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + (int64_t)(yoe * 365 + yoe / 4 - yoe / 100 +
	    doy) - 719468;
}

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* An ISO 8601 time as records have it (2024-08-17,
 * 2024-08-17T11:46:00+06:00, ...) in Unix seconds; a time without an
 * offset is taken for UTC, which the span of days does not mind. */
static int
parse_time(const char *s, size_t n, int64_t *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, oh, om;
	int64_t off = 0;
	size_t i = 10;

	if (n < 10 || digits(s, 4, &y) < 0 || s[4] != '-' ||
	    digits(s + 5, 2, &mo) < 0 || s[7] != '-' ||
	    digits(s + 8, 2, &d) < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	if (n >= 16 && s[10] == 'T' && digits(s + 11, 2, &h) == 0 &&
	    s[13] == ':' && digits(s + 14, 2, &mi) == 0) {
		i = 16;
		if (n >= 19 && s[16] == ':' && digits(s + 17, 2, &sec) == 0)
			i = 19;
		while (i < n && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
			i++;
		if (i + 6 <= n && (s[i] == '+' || s[i] == '-') &&
		    digits(s + i + 1, 2, &oh) == 0 && s[i + 3] == ':' &&
		    digits(s + i + 4, 2, &om) == 0)
			off = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	}
	*t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	    h * 3600 + mi * 60 + sec - off;
	return 0;
}

/* The article's time: published, else fetched_at, else the newest the
 * window has seen.  A published date after fetched_at by more than a
 * day is a wrong one: fetched_at then; so is a time more than a day
 * ahead of the clock, which would empty the window and hold it in the
 * future from run to run. */
static int64_t
doc_time(struct st_window *w, struct json_object *rec, const char **when,
    size_t *whenlen)
{
	const char *p, *f;
	size_t plen = 0, flen = 0;
	int64_t tp, tf, soon = (int64_t)time(NULL) + 86400;
	int hp, hf;

	p = rec_str(rec, "published", &plen);
	f = rec_str(rec, "fetched_at", &flen);
	hp = p != NULL && parse_time(p, plen, &tp) == 0 && tp <= soon;
	hf = f != NULL && parse_time(f, flen, &tf) == 0 && tf <= soon;
	if (hp && (!hf || tp <= tf + 86400)) {
		*when = p, *whenlen = plen;
		return tp;
	}
	if (hf) {
		*when = f, *whenlen = flen;
		return tf;
	}
	*when = "", *whenlen = 0;
	return st_window_now(w, 0);
}

/* The entity norms and the days of the date mentions. */
static void
mentions(struct st_doc *d, struct json_object *rec)
{
	struct json_object *a, *m, *v;
	size_t i, n;

	if (json_object_object_get_ex(rec, "entities", &a) &&
	    json_object_is_type(a, json_type_array))
		for (i = 0, n = json_object_array_length(a); i < n; i++) {
			m = json_object_array_get_idx(a, i);
			if (json_object_object_get_ex(m, "norm", &v) &&
			    json_object_is_type(v, json_type_string))
				st_doc_add(d, ST_F_ENT,
				    json_object_get_string(v),
				    json_object_get_string_len(v));
		}
	if (json_object_object_get_ex(rec, "dates", &a) &&
	    json_object_is_type(a, json_type_array))
		for (i = 0, n = json_object_array_length(a); i < n; i++) {
			m = json_object_array_get_idx(a, i);
			/* a day (2024-08-17), not a year or a week: the
			 * day of an event */
			if (json_object_object_get_ex(m, "value", &v) &&
			    json_object_is_type(v, json_type_string) &&
			    json_object_get_string_len(v) == 10)
				st_doc_add(d, ST_F_DAY,
				    json_object_get_string(v), 10);
		}
}

struct ctx {
	struct st_window *w;
	struct st_doc doc;
	char *seed;
	size_t seedcap;
};

static void
story(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	static const char hex[] = "0123456789abcdef";
	struct ctx *c = arg;
	struct st_doc *d = &c->doc;
	const char *text, *title, *url, *s, *when;
	size_t len, tlen = 0, ulen = 0, slen, whenlen, n, values;
	char id[18];
	uint64_t sid;
	int had, isnew;

	if ((text = rec_str(rec, "text", &len)) == NULL || len == 0) {
		rec_write(rec);
		return;
	}
	title = rec_str(rec, "title", &tlen);
	url = rec_str(rec, "url", &ulen);
	st_doc_reset(d, doc_time(c->w, rec, &when, &whenlen));
	st_doc_add(d, ST_F_URL, url, ulen);
	if ((s = rec_str(rec, "canonical_url", &slen)) != NULL)
		st_doc_add(d, ST_F_URL, s, slen);
	mentions(d, rec);
	st_doc_text(d, title, tlen, text, len);
	st_doc_done(d);
	/* A new story is named after its first article: its URL and
	 * time, so that the same input gives the same ids. */
	n = ulen + 1 + whenlen;
	if (n > c->seedcap) {
		c->seedcap = n;
		c->seed = kh_realloc(c->seed, n);
	}
	memcpy(c->seed, url, ulen);
	c->seed[ulen] = '\n';
	memcpy(c->seed + ulen + 1, when, whenlen);
	sid = st_assign(c->w, d, c->seed, n, &isnew);
	id[0] = 's';
	for (int i = 0; i < 16; i++)
		id[1 + i] = hex[sid >> (60 - 4 * i) & 15];
	id[17] = '\0';
	narticles++;
	nstories += isnew;
	had = json_object_object_get_ex(rec, "story", NULL);
	values = rec_count_values(rec) + !had;
	json_object_object_add(rec, "story", json_object_new_string(id));
	/* the line grows by the member at most ("story":"s...", 28
	 * bytes): the next program must still read it */
	if (rec_fits(pos, pos->len + 28, values))
		rec_write(rec);
}

static void
option(int c, char *arg)
{
	char *end;

	switch (c) {
	case O_STATE:
		state_path = arg;
		break;
	case O_WINDOW:
		errno = 0;
		window_days = strtol(arg, &end, 10);
		if (errno != 0 || end == arg || *end != '\0' ||
		    window_days < 1 || window_days > WINDOW_MAX)
			kh_die("--window: not a number of days from 1 to %d: "
			    "%s", WINDOW_MAX, arg);
		break;
	case 'v':
		verbose = 1;
		break;
	default:
		kh_usage();
	}
}

/* The state file's lock, held to the end of the run: a second run on
 * the same file waits for this one to end, then reads the window it
 * left, so that neither run's articles are lost from it. */
static void
lock_state(void)
{
	size_t n = strlen(state_path) + 6;
	char *name = kh_malloc(n);
	int fd;

	snprintf(name, n, "%s.lock", state_path);
	if ((fd = kh_open(name, O_RDWR | O_CREAT, 0644)) < 0)
		kh_die("%s:", name);
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK)
			kh_die("%s: flock:", name);
		kh_warn("%s: another run is using it; waiting", state_path);
		while (flock(fd, LOCK_EX) < 0)
			if (errno != EINTR)
				kh_die("%s: flock:", name);
	}
	free(name);
}

/* The window the last run left, if any. */
static void
load_state(struct st_window *w)
{
	unsigned long line;
	FILE *f;

	if ((f = fopen(state_path, "r")) == NULL) {
		if (errno == ENOENT)
			return;
		kh_die("%s:", state_path);
	}
	if (st_load(w, f, &line) < 0)
		kh_die("%s:%lu: not a story state file (khobor-story 1)",
		    state_path, line);
	fclose(f);
}

/* The window for the next run: written whole to FILE.tmp, synced, and
 * renamed over FILE, so that a crash leaves the old state or the new
 * one, never half of one. */
static int
save_state(struct st_window *w)
{
	size_t len = 0;
	char *buf = NULL;
	int ret;
	FILE *f;

	if ((f = open_memstream(&buf, &len)) == NULL)
		kh_die("out of memory");
	if (st_save(w, f) < 0 || fclose(f) != 0)
		kh_die("out of memory");
	ret = kh_replace_file(state_path, buf, len) == 0 ? 0 : -1;
	free(buf);
	return ret;
}

/* Tuning (bench/story-score.py): KH_STORY_WEIGHTS="ent,num,day,title,
 * near,min" in place of the weights built in. */
static void
weights_from_env(void)
{
	const char *s = getenv("KH_STORY_WEIGHTS");
	double v[6];
	char *end;

	if (s == NULL || *s == '\0')
		return;
	for (int i = 0; i < 6; i++) {
		v[i] = strtod(s, &end);
		if (end == s || (*end != (i < 5 ? ',' : '\0')))
			kh_die("KH_STORY_WEIGHTS: want six numbers, "
			    "ent,num,day,title,near,min: %s",
			    getenv("KH_STORY_WEIGHTS"));
		s = end + 1;
	}
	st_w = (struct st_weights){ v[0], v[1], v[2], v[3], v[4], v[5] };
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "state", required_argument, NULL, O_STATE },
		{ "window", required_argument, NULL, O_WINDOW },
		{ NULL, 0, NULL, 0 }
	};
	static const struct kh_cli cli = {
		.usage = "[-hqv] [--max-line size] [--max-values n] "
		    "[--progress] [--state file] [--strict] [--version] "
		    "[--window days] [file ...]",
		.help = "  -v                say how many articles and stories "
		    "at the end\n"
		    "  --state file      keep the window in file from run "
		    "to run\n"
		    "  --window days     articles this many days apart can "
		    "be one story\n"
		    "                    (default 3)\n",
		.shortopts = "v",
		.longopts = longopts,
		.opt = option,
	};
	struct ctx c;
	int i = kh_options(argc, argv, &cli), status;

	weights_from_env();
	memset(&c, 0, sizeof(c));
	c.w = st_window_new((int64_t)window_days * 86400);
	if (state_path != NULL) {
		lock_state();
		load_state(c.w);
	}
	kh_run.check_in = 1;
	rec_loop(argv + i, story, &c);
	if (state_path != NULL && save_state(c.w) < 0)
		kh_run.error = 1;
	if (verbose)
		kh_warn("%lu articles, %lu stories, %zu articles in the "
		    "window", narticles, nstories, st_window_size(c.w));
	status = rec_exit();
	st_window_free(c.w);
	st_doc_free(&c.doc);
	free(c.seed);
	return status;
}

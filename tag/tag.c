/*
 * tag: find dates and named entities in each record's title and text.
 *
 * Appends "dates" and "entities" (docs/records.md) to every record that
 * has a title or a text, empty arrays when there is nothing, so that
 * downstream can tell a tagged record; other records pass unchanged.
 * Relative dates are resolved against the record's published, else
 * fetched_at, else --ref.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "dates.h"
#include "gaz.h"
#include "ner.h"

#ifndef KH_DATADIR
#define KH_DATADIR "/usr/local/share/khobor"
#endif
#define GAZ_MAX 16

enum { O_GAZ = KH_OPT_OWN, O_MODEL, O_NODATES, O_NOENT, O_REF };

static const char *model_path, *gaz_files[GAZ_MAX + 2];
static int ngaz, no_dates, no_entities;
static struct date_ref ref_opt;

static const char *const fields[] = { "title", "text" };
static const char *const data_files[] = { "gazetteer.tsv",
    "places-bd.tsv", "places-world.tsv", "ner.model", "translit.tsv" };
#define NDATA (sizeof(data_files) / sizeof(data_files[0]))

/* Code points to bytes in one field, for mentions in order of start. */
struct walk {
	const char *s;
	size_t len, cp, b;
};

static size_t
walk_to(struct walk *w, size_t cp)
{
	if (cp < w->cp)
		w->cp = 0, w->b = 0;
	/* eight bytes at a time while they start fewer code points than
	 * are still wanted, from a byte that starts one; then on to the
	 * next start */
	while (w->b + 8 <= w->len && cp - w->cp > 8 &&
	    ((unsigned char)w->s[w->b] & 0xc0) != 0x80) {
		uint64_t v, lead;

		memcpy(&v, w->s + w->b, 8);
		/* a byte starts a code point unless it is 10xxxxxx */
		lead = (v >> 7 & ~v >> 6 & 0x0101010101010101ULL) ^
		    0x0101010101010101ULL;
		w->b += 8;
		w->cp += lead * 0x0101010101010101ULL >> 56;
		while (w->b < w->len && ((unsigned char)w->s[w->b] & 0xc0) ==
		    0x80)
			w->b++;
	}
	while (w->cp < cp && w->b < w->len) {
		w->b++;
		while (w->b < w->len && ((unsigned char)w->s[w->b] & 0xc0) ==
		    0x80)
			w->b++;
		w->cp++;
	}
	return w->b;
}

/* The arrays of a record's mentions as JSON text, written as
 * rec_write writes strings and numbers (lib/write.c): building a
 * json-c object for each mention cost more than finding it. */
struct buf {
	char *s;
	size_t len, cap;
	size_t values;		/* the values of the mentions in it */
};

/* A worker's own (-j): its tagger, the mentions of the record at hand,
 * and the memory the record is written to. */
struct job {
	struct ner *ner;
	struct buf tail;
	FILE *ms;
	char *mbuf;
	size_t msize;
};

static void
buf_grow(struct buf *b, size_t n)
{
	while (b->len + n > b->cap)
		b->cap = b->cap ? b->cap * 2 : 65536;
	b->s = kh_realloc(b->s, b->cap);
}

/* inline: most pieces are a few bytes, a literal's length known */
static inline void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n > b->cap)
		buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

#define BUF_LIT(b, lit) buf_add((b), (lit), sizeof(lit) - 1)

/* A JSON string as lib/write.c's put_string writes it: '"', '\\' and
 * control characters escaped, all else as it is. */
static void
buf_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, j;
	char esc[6] = { '\\', 'u', '0', '0' };
	unsigned char c;

	BUF_LIT(b, "\"");
	for (;;) {
		/* eight bytes at a time while none is below 0x20, '"' or
		 * '\\' (the tests of a byte < n and of a zero byte, which
		 * are exact for whether there is one) */
		for (j = i; j + 8 <= n; j += 8) {
			uint64_t w, q, e;

			memcpy(&w, s + j, 8);
			q = w ^ 0x2222222222222222ULL;
			e = w ^ 0x5c5c5c5c5c5c5c5cULL;
			if ((((w - 0x2020202020202020ULL) & ~w) |
			    ((q - 0x0101010101010101ULL) & ~q) |
			    ((e - 0x0101010101010101ULL) & ~e)) &
			    0x8080808080808080ULL)
				break;
		}
		for (; j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' &&
		    s[j] != '\\'; j++)
			;
		buf_add(b, s + i, j - i);
		if (j == n)
			break;
		switch (c = s[j]) {
		case '"':
		case '\\':
			esc[1] = c;
			buf_add(b, esc, 2);
			break;
		case '\b':
			BUF_LIT(b, "\\b");
			break;
		case '\f':
			BUF_LIT(b, "\\f");
			break;
		case '\n':
			BUF_LIT(b, "\\n");
			break;
		case '\r':
			BUF_LIT(b, "\\r");
			break;
		case '\t':
			BUF_LIT(b, "\\t");
			break;
		default:
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			buf_add(b, esc, 6);
		}
		i = j + 1;
	}
	BUF_LIT(b, "\"");
}

static void
buf_num(struct buf *b, size_t v)
{
	char d[24];
	size_t k = sizeof(d);

	do
		d[--k] = '0' + v % 10;
	while ((v /= 10) > 0);
	buf_add(b, d + k, sizeof(d) - k);
}

/* The members a mention starts with, after its '{'. */
static void
mention(struct buf *b, int field, size_t start, size_t end, const char *s,
    size_t len)
{
	BUF_LIT(b, "{\"field\":");
	buf_str(b, fields[field], strlen(fields[field]));
	BUF_LIT(b, ",\"start\":");
	buf_num(b, start);
	BUF_LIT(b, ",\"end\":");
	buf_num(b, end);
	BUF_LIT(b, ",\"text\":");
	buf_str(b, s, len);
	b->values += 5;
}

struct dctx {
	struct buf *b;
	struct walk w;
	int field;
	int *n;
};

static void
on_date(const struct date_mention *d, void *arg)
{
	struct dctx *c = arg;
	size_t b, e;

	if (d->start >= d->end)
		return;
	b = walk_to(&c->w, d->start);
	e = walk_to(&c->w, d->end);
	if (e <= b || c->w.cp != d->end)
		return;		/* past the end of the field: not a mention */
	if ((*c->n)++ > 0)
		BUF_LIT(c->b, ",");
	mention(c->b, c->field, d->start, d->end, c->w.s + b, e - b);
	BUF_LIT(c->b, ",\"value\":");
	buf_str(c->b, d->value, strlen(d->value));
	BUF_LIT(c->b, ",\"kind\":");
	buf_str(c->b, d->kind, strlen(d->kind));
	c->b->values += 2;
	if (d->mod != NULL) {
		BUF_LIT(c->b, ",\"mod\":");
		buf_str(c->b, d->mod, strlen(d->mod));
		c->b->values++;
	}
	BUF_LIT(c->b, "}");
}

static int
ref_from(struct json_object *rec, const char *key, struct date_ref *ref)
{
	struct json_object *v;

	if (!json_object_object_get_ex(rec, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return -1;
	return date_ref_parse(json_object_get_string(v),
	    json_object_get_string_len(v), ref);
}

/* The record as rec_write would write it with "dates" and "entities"
 * appended: its own members through a memory stream, then the tail.
 * A record that has either already (tagged twice) has them replaced
 * where they stand, through json-c.  It goes out if the next program
 * would read it: values is what it holds. */
static void
write_tagged(struct job *j, struct json_object *rec,
    const struct rec_pos *pos, size_t values)
{
	struct buf *tail = &j->tail;
	struct json_object *o, *v;
	off_t end;
	int again = json_object_object_get_ex(rec, "dates", NULL) ||
	    json_object_object_get_ex(rec, "entities", NULL);

	if (again) {
		tail->s[0] = '{';
		if ((o = json_tokener_parse(tail->s)) == NULL)
			kh_die("cannot read back the mentions");
		json_object_object_get_ex(o, "dates", &v);
		json_object_object_add(rec, "dates", json_object_get(v));
		json_object_object_get_ex(o, "entities", &v);
		json_object_object_add(rec, "entities", json_object_get(v));
		json_object_put(o);
	}
	rewind(j->ms);
	rec_print(j->ms, rec);
	/* over its "}\n" */
	if (fflush(j->ms) == EOF || (end = ftello(j->ms)) < 2 ||
	    j->mbuf[end - 2] != '}' || fseeko(j->ms, end - (again ? 1 : 2),
	    SEEK_SET) < 0)
		kh_die("cannot write a record to memory");
	if (!again)
		fwrite_unlocked(tail->s, 1, tail->len - 1, j->ms);
	if (fflush(j->ms) == EOF || (end = ftello(j->ms)) < 0)
		kh_die("cannot write a record to memory: out of memory");
	if (rec_fits(pos, (size_t)end, values))
		rec_write_text(j->mbuf, end);
}

/* The values of rec but for its dates and entities, which tag writes
 * anew. */
static size_t
own_values(struct json_object *rec)
{
	struct json_object *v;
	size_t n = rec_count_values(rec);

	if (json_object_object_get_ex(rec, "dates", &v))
		n -= rec_count_values(v);
	if (json_object_object_get_ex(rec, "entities", &v))
		n -= rec_count_values(v);
	return n;
}

static void
tag(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	const char *str[2] = { NULL, NULL };
	size_t len[2] = { 0, 0 };
	struct job *j = arg;
	struct buf *tail = &j->tail;
	struct json_object *v;
	const struct ner_mention *men;
	struct date_ref ref;
	size_t n;
	int f, nd = 0;

	for (f = 0; f < 2; f++)
		if (json_object_object_get_ex(rec, fields[f], &v) &&
		    json_object_is_type(v, json_type_string)) {
			str[f] = json_object_get_string(v);
			len[f] = json_object_get_string_len(v);
		}
	if (str[0] == NULL && str[1] == NULL) {
		rec_write(rec);
		return;
	}
	tail->len = 0;
	tail->values = 0;
	BUF_LIT(tail, ",\"dates\":[");
	if (!no_dates) {
		if (ref_from(rec, "published", &ref) < 0 &&
		    ref_from(rec, "fetched_at", &ref) < 0)
			ref = ref_opt;
		for (f = 0; f < 2; f++) {
			struct dctx c = { tail, { str[f], len[f], 0, 0 }, f,
			    &nd };

			if (str[f] != NULL)
				dates_find(str[f], len[f], &ref, on_date, &c);
		}
	}
	BUF_LIT(tail, "],\"entities\":[");
	if (!no_entities) {
		ner_begin(j->ner);
		for (f = 0; f < 2; f++)
			if (str[f] != NULL)
				ner_text(j->ner, f, str[f], len[f]);
		n = ner_end(j->ner, &men);
		for (size_t i = 0; i < n; i++) {
			const struct ner_mention *m = &men[i];

			if (i > 0)
				BUF_LIT(tail, ",");
			mention(tail, m->field, m->start, m->end,
			    str[m->field] + m->bstart, m->bend - m->bstart);
			BUF_LIT(tail, ",\"type\":");
			buf_str(tail, type_name[m->type],
			    strlen(type_name[m->type]));
			BUF_LIT(tail, ",\"norm\":");
			buf_str(tail, m->norm, strlen(m->norm));
			BUF_LIT(tail, "}");
			tail->values += 2;
		}
	}
	BUF_LIT(tail, "]}");
	buf_add(tail, "", 1);	/* NUL-terminated, for json-c */
	/* the two arrays too; json-c reads the mentions back only when
	 * they are not too many */
	n = own_values(rec) + 2 + tail->values;
	if (rec_fits(pos, 0, n))
		write_tagged(j, rec, pos, n);
}

static void *
job_start(void *arg)
{
	struct job *j = kh_malloc(sizeof(*j));

	memset(j, 0, sizeof(*j));
	if (arg != NULL)
		j->ner = ner_dup(arg);
	if ((j->ms = open_memstream(&j->mbuf, &j->msize)) == NULL)
		kh_die("open_memstream:");
	return j;
}

static void
job_stop(void *arg)
{
	struct job *j = arg;

	ner_close(j->ner);
	fclose(j->ms);
	free(j->mbuf);
	free(j->tail.s);
	free(j);
}

/* The folder of tag's data: $KH_TAG_DATA, else tag/data of the source
 * tree the program was built in (bin/tag, build/{opt,asan}/bin/tag),
 * else the installed one. */
static const char *
data_dir(const char *argv0)
{
	static char buf[PATH_MAX];
	/* Installed (BINDIR/../share/khobor/tag, whatever the prefix), or
	 * in the source tree (bin/, build/asan/bin/). */
	static const char *const up[] = { "/../share/khobor/tag",
	    "/../tag/data", "/../../../tag/data" };
	const char *env = getenv("KH_TAG_DATA");
	char exe[PATH_MAX];
	ssize_t n;

	(void)argv0;
	if (env != NULL && *env != '\0')
		return env;
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (size_t i = 0; i < sizeof(up) / sizeof(*up); i++) {
			int k = snprintf(buf, sizeof(buf), "%s%s/gazetteer.tsv",
			    exe, up[i]);

			if (k > 0 && (size_t)k < sizeof(buf) &&
			    access(buf, R_OK) == 0) {
				buf[k - strlen("/gazetteer.tsv")] = '\0';
				return buf;
			}
		}
	}
	return KH_DATADIR "/tag";
}

static void
option(int c, char *arg)
{
	switch (c) {
	case O_GAZ:
		if (ngaz == GAZ_MAX)
			kh_die("--gazetteer: at most %d files", GAZ_MAX);
		gaz_files[ngaz++] = arg;
		break;
	case O_MODEL:
		model_path = arg;
		break;
	case O_NODATES:
		no_dates = 1;
		break;
	case O_NOENT:
		no_entities = 1;
		break;
	case O_REF:
		if (date_ref_parse(arg, strlen(arg), &ref_opt) < 0) {
			kh_warn("--ref %s: not a date (2024-08-17) or date-time",
			    arg);
			kh_usage();
		}
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "gazetteer", required_argument, NULL, O_GAZ },
		{ "model", required_argument, NULL, O_MODEL },
		{ "no-dates", no_argument, NULL, O_NODATES },
		{ "no-entities", no_argument, NULL, O_NOENT },
		{ "ref", required_argument, NULL, O_REF },
		{ NULL, 0, NULL, 0 }
	};
	static const struct kh_cli cli = {
		.usage = "[-hq] [-j n] [--gazetteer file] [--max-line size] "
		    "[--max-values n] [--model file] [--no-dates] "
		    "[--no-entities] [--progress] [--ref date] [--strict] "
		    "[--version] [file ...]",
		.help = "  --gazetteer file  names of your own "
		    "(name<TAB>PER|LOC|ORG<TAB>norm)\n"
		    "  --model file      the entity model (default: "
		    "$KH_TAG_MODEL, DATA/ner.model)\n"
		    "  --no-dates        find no dates\n"
		    "  --no-entities     find no entities\n"
		    "  --ref date        resolve relative dates against this "
		    "when a record has\n"
		    "                    neither published nor fetched_at\n",
		.shortopts = "",
		.longopts = longopts,
		.opt = option,
		.jobs = 1,
	};
	static char paths[NDATA][PATH_MAX];
	struct ner *ner = NULL;
	const char *weak[2] = { paths[1], paths[2] };
	const char *dir, *env;
	int i = kh_options(argc, argv, &cli);

	if (!no_entities) {
		dir = data_dir(argv[0]);
		for (size_t k = 0; k < NDATA; k++)
			if (snprintf(paths[k], PATH_MAX, "%s/%s", dir,
			    data_files[k]) >= PATH_MAX)
				kh_die("%s: path too long", dir);
		gaz_files[ngaz++] = paths[0];
		if (model_path == NULL && (env = getenv("KH_TAG_MODEL")) !=
		    NULL && *env != '\0')
			model_path = env;
		if (model_path == NULL)
			model_path = paths[3];
		/* --model none: the gazetteer alone */
		ner = ner_open(strcmp(model_path, "none") == 0 ? NULL :
		    model_path, gaz_files, ngaz, weak, 2, paths[4]);
	}
	kh_run.check_in = 1;
	rec_loop_jobs(argv + i, tag, job_start, job_stop, ner);
	ner_close(ner);
	return rec_exit();
}

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
static struct ner *ner;

static const char *const fields[] = { "title", "text" };
static const char *const data_files[] = { "gazetteer.tsv",
    "places-bd.tsv", "ner.model" };

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
	while (w->cp < cp && w->b < w->len) {
		w->b++;
		while (w->b < w->len && ((unsigned char)w->s[w->b] & 0xc0) ==
		    0x80)
			w->b++;
		w->cp++;
	}
	return w->b;
}

static struct json_object *
mention(int field, size_t start, size_t end, const char *s, size_t len)
{
	struct json_object *m = json_object_new_object();

	json_object_object_add(m, "field",
	    json_object_new_string(fields[field]));
	json_object_object_add(m, "start", json_object_new_int64(start));
	json_object_object_add(m, "end", json_object_new_int64(end));
	json_object_object_add(m, "text",
	    json_object_new_string_len(s, (int)len));
	return m;
}

struct dctx {
	struct json_object *arr;
	struct walk w;
	int field;
};

static void
on_date(const struct date_mention *d, void *arg)
{
	struct dctx *c = arg;
	size_t b, e;
	struct json_object *m;

	if (d->start >= d->end)
		return;
	b = walk_to(&c->w, d->start);
	e = walk_to(&c->w, d->end);
	if (e <= b || c->w.cp != d->end)
		return;		/* past the end of the field: not a mention */
	m = mention(c->field, d->start, d->end, c->w.s + b, e - b);
	json_object_object_add(m, "value", json_object_new_string(d->value));
	json_object_object_add(m, "kind", json_object_new_string(d->kind));
	if (d->mod != NULL)
		json_object_object_add(m, "mod",
		    json_object_new_string(d->mod));
	json_object_array_add(c->arr, m);
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

static void
tag(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	const char *str[2] = { NULL, NULL };
	size_t len[2] = { 0, 0 };
	struct json_object *v, *dates, *ents;
	const struct ner_mention *men;
	struct date_ref ref;
	size_t n;
	int f;

	(void)pos, (void)arg;
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
	dates = json_object_new_array();
	ents = json_object_new_array();
	if (!no_dates) {
		if (ref_from(rec, "published", &ref) < 0 &&
		    ref_from(rec, "fetched_at", &ref) < 0)
			ref = ref_opt;
		for (f = 0; f < 2; f++) {
			struct dctx c = { dates, { str[f], len[f], 0, 0 }, f };

			if (str[f] != NULL)
				dates_find(str[f], len[f], &ref, on_date, &c);
		}
	}
	if (!no_entities) {
		ner_begin(ner);
		for (f = 0; f < 2; f++)
			if (str[f] != NULL)
				ner_text(ner, f, str[f], len[f]);
		n = ner_end(ner, &men);
		for (size_t i = 0; i < n; i++) {
			const struct ner_mention *m = &men[i];
			struct json_object *o;

			o = mention(m->field, m->start, m->end,
			    str[m->field] + m->bstart, m->bend - m->bstart);
			json_object_object_add(o, "type",
			    json_object_new_string(type_name[m->type]));
			json_object_object_add(o, "norm",
			    json_object_new_string(m->norm));
			json_object_array_add(ents, o);
		}
	}
	json_object_object_add(rec, "dates", dates);
	json_object_object_add(rec, "entities", ents);
	rec_write(rec);
}

/* The folder of tag's data: $KH_TAG_DATA, else tag/data of the source
 * tree the program was built in (bin/tag, build/{opt,asan}/bin/tag),
 * else the installed one. */
static const char *
data_dir(const char *argv0)
{
	static char buf[PATH_MAX];
	static const char *const up[] = { "/../tag/data",
	    "/../../../tag/data" };
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
		for (size_t i = 0; i < 2; i++) {
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
		.usage = "[-hq] [--gazetteer file] [--max-line size] "
		    "[--model file] [--no-dates] [--no-entities] [--progress] "
		    "[--ref date] [--strict] [--version] [file ...]",
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
	};
	static char paths[3][PATH_MAX];
	const char *dir, *env;
	int i = kh_options(argc, argv, &cli);

	if (!no_entities) {
		dir = data_dir(argv[0]);
		for (int k = 0; k < 3; k++)
			if (snprintf(paths[k], PATH_MAX, "%s/%s", dir,
			    data_files[k]) >= PATH_MAX)
				kh_die("%s: path too long", dir);
		gaz_files[ngaz++] = paths[0];
		if (model_path == NULL && (env = getenv("KH_TAG_MODEL")) !=
		    NULL && *env != '\0')
			model_path = env;
		if (model_path == NULL)
			model_path = paths[2];
		/* --model none: the gazetteer alone */
		ner = ner_open(strcmp(model_path, "none") == 0 ? NULL :
		    model_path, gaz_files, ngaz, paths[1]);
	}
	rec_loop(argv + i, tag, NULL);
	ner_close(ner);
	return rec_exit();
}

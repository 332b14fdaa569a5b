/*
 * store: append records to a compressed, indexed archive, and read them
 * back (cat, get, ls, stats, verify, reindex, new, find, report), and
 * join archives (merge).
 *
 * An archive is a directory of day files, DIR/YYYY-MM-DD.jsonl.zst with
 * DIR/YYYY-MM-DD.idx beside each (the day of the record's fetched_at, in
 * UTC), or a single FILE.zst with FILE.zst.idx.  The layout of the files
 * is in archive.h; what users see of it is in store(1).
 *
 * This file: archives and their day files, references to bodies held
 * elsewhere, main.  put.c writes, get.c reads, merge.c joins.
 */
#define _GNU_SOURCE	/* memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"
#include "store.h"
#include "warc.h"

/* Level 5 on 512K frames: whole-file zstd -3's ratio with the index and
 * the dictionary counted, and a get decompresses 0.3 MB on average. */
struct store_opt opt = { .arc = { .level = 5, .frame = (size_t)512 << 10 } };
struct archive *refs_in;

/* YYYY-MM-DD at the start of s, with a month and a day that can be. */
int
is_day(const char *s)
{
	static const char form[] = "dddd-dd-dd";
	int m, d;

	for (int i = 0; form[i]; i++)
		if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

char *
pathcat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = kh_malloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

void
archive_init(struct archive *a, const char *path, int create)
{
	size_t n = strlen(path);
	struct stat st;

	a->path = strdup(path);
	a->lockfd = -1;
	while (n > 1 && a->path[n - 1] == '/')
		a->path[--n] = '\0';
	a->single = n > 4 && strcmp(a->path + n - 4, ".zst") == 0;
	if (a->single)
		return;
	if (stat(a->path, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			kh_die("%s: not a directory (an archive is a "
			    "directory, or a file ending in .zst)", a->path);
	} else if (!create || errno != ENOENT) {
		kh_die("%s:", a->path);
	} else if (mkdir(a->path, 0777) < 0 && (errno != EEXIST ||
	    stat(a->path, &st) < 0 || !S_ISDIR(st.st_mode))) {
		/* EEXIST: another writer made it first, which is fine */
		kh_die("%s:", a->path);
	}
}

/* The archive's dictionary: DIR/khobor.dict, or FILE.zst.dict. */
char *
dict_path(const struct archive *a)
{
	return pathcat(a->path, a->single ? "" : "/", a->single ? ".dict" :
	    "khobor.dict");
}

/* The archive's dictionary, if it has one, into d: a->dict. */
void
dict_read(struct archive *a, struct arc_dict *d)
{
	const char *why;
	size_t len;
	char *path = dict_path(a), *buf;

	if ((buf = slurp(path, &len)) == NULL) {
		if (errno != ENOENT)
			kh_die("%s:", path);
		free(path);
		return;
	}
	if (arc_dict_set(d, path, buf, len, &why) < 0)
		kh_die("%s: %s", path, why);
	a->dict = d;
}

/* Use the archive's dictionary, if it has one. */
void
dict_load(struct archive *a)
{
	static struct arc_dict d;

	dict_read(a, &d);
	opt.arc.dict = a->dict;
}

/* Writers and repairs take the archive's lock; two at once wait in turn. */
void
archive_lock(struct archive *a)
{
	char *lock = a->single ? pathcat(a->path, ".lock", "") :
	    pathcat(a->path, "/", ".lock");

	a->lockfd = kh_open(lock, O_RDWR | O_CREAT, 0644);
	if (a->lockfd < 0)
		kh_die("%s:", lock);
	while (flock(a->lockfd, LOCK_EX) < 0)
		if (errno != EINTR)
			kh_die("%s: flock:", lock);
	free(lock);
}

/* fsync the archive's directory: names made, renamed or removed there
 * last.  -1 with errno. */
int
sync_dir(const struct archive *a)
{
	char *file;
	int r;

	if (a->single)
		return kh_sync_parent(a->path);
	file = pathcat(a->path, "/", ".");
	r = kh_sync_parent(file);
	free(file);
	return r;
}

/* path (taken over) if it is there: 1 when it was. */
static int
remove_leftover(char *path)
{
	int r = unlink(path) == 0;

	if (r)
		kh_warn("%s: removed (left by a run that did not finish)",
		    path);
	free(path);
	return r;
}

/* Files a run that did not finish left under a temporary name: a data
 * file being made with its first unit (never acknowledged), an index,
 * a dictionary or the URL index being written.  Under the archive's lock. */
void
remove_leftovers(const struct archive *a)
{
	static const char *const single[] = { ".tmp", ".idx.tmp",
	    ".dict.tmp", ".urls.tmp", ".urls.log.tmp", NULL };
	struct dirent *d;
	DIR *dir;
	int any = 0;

	if (a->single) {
		for (const char *const *s = single; *s; s++)
			any |= remove_leftover(pathcat(a->path, *s, ""));
	} else if ((dir = opendir(a->path)) != NULL) {
		while ((d = readdir(dir)) != NULL)
			if (strcmp(d->d_name, "khobor.dict.tmp") == 0 ||
			    strcmp(d->d_name, "khobor.urls.tmp") == 0 ||
			    strcmp(d->d_name, "khobor.urls.log.tmp") == 0 ||
			    (is_day(d->d_name) && (strcmp(d->d_name + 10,
			    ".jsonl.zst.tmp") == 0 || strcmp(d->d_name + 10,
			    ".idx.tmp") == 0)))
				any |= remove_leftover(pathcat(a->path, "/",
				    d->d_name));
		closedir(dir);
	}
	if (any && sync_dir(a) < 0)
		kh_warn("%s: fsync:", a->path);
}

/* The data file and index of one day. */
void
day_paths(const struct archive *a, const char *day, char **data, char **idx)
{
	char name[32];

	if (a->single) {
		*data = strdup(a->path);
		*idx = pathcat(a->path, ".idx", "");
		return;
	}
	snprintf(name, sizeof(name), "%s.jsonl.zst", day);
	*data = pathcat(a->path, "/", name);
	snprintf(name, sizeof(name), "%s.idx", day);
	*idx = pathcat(a->path, "/", name);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct part_name *)a)->day,
	    ((const struct part_name *)b)->day);
}

struct part_name *
list_parts(const struct archive *a, size_t *n)
{
	struct part_name *v = NULL;
	struct dirent *d;
	DIR *dir;
	size_t cap = 0;

	*n = 0;
	if (a->single) {
		if (access(a->path, F_OK) < 0)
			return NULL;
		v = kh_malloc(sizeof(*v));
		day_paths(a, "", &v->data, &v->idx);
		v->day[0] = '\0';
		*n = 1;
		return v;
	}
	if ((dir = opendir(a->path)) == NULL)
		kh_die("%s:", a->path);
	while ((d = readdir(dir)) != NULL) {
		if (strlen(d->d_name) != 20 || !is_day(d->d_name) ||
		    strcmp(d->d_name + 10, ".jsonl.zst") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			v = kh_realloc(v, cap * sizeof(*v));
		}
		memcpy(v[*n].day, d->d_name, 10);
		v[*n].day[10] = '\0';
		day_paths(a, v[*n].day, &v[*n].data, &v[*n].idx);
		(*n)++;
	}
	closedir(dir);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), by_name);
	return v;
}

void
free_parts(struct part_name *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].data);
		free(v[i].idx);
	}
	free(v);
}

/* A whole file into memory (index files), NUL-terminated. */
char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t r = 0;
	size_t n = 0;
	int fd = kh_open(path, O_RDONLY, 0), e;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0) {
		e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	buf = kh_malloc(st.st_size + 1);
	while (n < (size_t)st.st_size &&
	    ((r = read(fd, buf + n, st.st_size - n)) > 0 ||
	    (r < 0 && errno == EINTR)))
		n += r > 0 ? r : 0;
	if (r < 0) {
		e = errno;
		close(fd);
		free(buf);
		errno = e;
		return NULL;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
day_num(const char *day)
{
	return *day ? atoi(day) * 10000 + atoi(day + 5) * 100 +
	    atoi(day + 8) : 0;
}

/* Each index line of each part, to fn. */
void
each_entry_in(const struct part_name *v, size_t n, entry_fn *fn, void *arg)
{
	struct arc_entry e;
	size_t len;
	char *idx, *p, *nl;

	for (size_t i = 0; i < n; i++) {
		if ((idx = slurp(v[i].idx, &len)) == NULL) {
			if (errno == ENOENT) {
				kh_warn("%s: no index; run store reindex",
				    v[i].idx);
			} else {
				kh_warn("%s:", v[i].idx);
				kh_run.error = 1;
			}
			continue;
		}
		for (p = idx; (nl = memchr(p, '\n', idx + len - p)); p = nl + 1)
			if (arc_entry_parse(p, nl - p, &e) == 0)
				fn(&e, &v[i], arg);
		free(idx);
	}
}

void
each_entry(struct archive *a, entry_fn *fn, void *arg)
{
	struct part_name *v;
	size_t n;

	v = list_parts(a, &n);
	each_entry_in(v, n, fn, arg);
	free_parts(v, n);
}

/* --- references (dedup.h) ------------------------------------------------ */

void
ref_name(char *out, size_t n, int day, uint64_t off, uint32_t recno)
{
	if (day == 0)
		snprintf(out, n, "@/%" PRIu64 "/%" PRIu32, off, recno);
	else
		snprintf(out, n, "@%04d-%02d-%02d/%" PRIu64 "/%" PRIu32,
		    day / 10000 % 10000, day / 100 % 100, day % 100, off,
		    recno);
}

/* "@2024-08-15/135766/0" (or "@/135766/0" in a single file). */
int
ref_parse(const char *s, size_t n, int *day, uint64_t *off, uint32_t *recno)
{
	char buf[80], *p, *e;

	if (n < 4 || n >= sizeof(buf) || s[0] != '@')
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	p = buf + 1;
	if (*p == '/') {
		*day = 0;
	} else {
		if (!is_day(p) || p[10] != '/')
			return -1;
		*day = day_num(p);
		p += 10;
	}
	*off = strtoull(p + 1, &e, 10);
	if (e == p + 1 || *e != '/')
		return -1;
	p = e + 1;
	*recno = strtoul(p, &e, 10);
	return e == p || *e != '\0' ? -1 : 0;
}

/* The raw JSON value of field in the record at (day, off, recno) of
 * refs_in, or NULL with *why (if why is not NULL).  Points into a
 * buffer of its own, valid until the next call.  The last unit read is
 * kept: records that share bodies come in runs (a page fetched again, a
 * feed syndicated), so the next body is most often in it; the first
 * time only as much of it is decompressed as the record needs, the
 * second time all of it. */
const char *
body_at(int day, uint64_t off, uint32_t recno, const char *field, size_t *n,
    const char **why)
{
	static struct { const struct archive *a; int day, fd; } fds[8];
	static int nfds, next;
	static struct {
		const struct archive *a;	/* merge reads several */
		int day;
		uint64_t off;
		struct arc_unit u;
		uint32_t have;	/* records decompressed, 0: none */
		size_t end;	/* where they end in buf */
	} last;
	static char *buf;
	static size_t cap;
	struct stat sb;
	const char *w = NULL, *line;
	char *data, *idx, name[16];
	size_t len, start, value, end;
	int i, fd = -1;

	for (i = 0; i < nfds; i++)
		if (fds[i].a == refs_in && fds[i].day == day)
			fd = fds[i].fd;
	if (fd < 0) {
		if (day)
			snprintf(name, sizeof(name), "%04d-%02d-%02d",
			    day / 10000 % 10000, day / 100 % 100, day % 100);
		else
			name[0] = '\0';
		day_paths(refs_in, name, &data, &idx);
		fd = kh_open(data, O_RDONLY, 0);
		free(data);
		free(idx);
		if (fd < 0) {
			w = errno == ENOENT ? "no data file for its day" :
			    strerror(errno);
			goto fail;
		}
		if (nfds < 8) {
			i = nfds++;
		} else {
			i = next++ % 8;
			close(fds[i].fd);
			if (last.a == fds[i].a && last.day == fds[i].day)
				last.have = 0;
		}
		fds[i].a = refs_in, fds[i].day = day, fds[i].fd = fd;
	}
	if (last.have > 0 && last.a == refs_in && last.day == day &&
	    last.off == off &&
	    recno < last.u.nrec) {
		if (recno >= last.have) {
			if (arc_unit_load(fd, &last.u, refs_in->dict, &buf,
			    &cap, &w) < 0) {
				last.have = 0;
				goto fail;
			}
			last.have = last.u.nrec;
			last.end = last.u.raw;
		}
		line = arc_nth_line(buf, last.end, recno, &len);
	} else {
		last.have = 0;
		if (fstat(fd, &sb) < 0) {
			w = strerror(errno);
			goto fail;
		}
		if (arc_unit_read(fd, off, sb.st_size, &last.u, &w) != 1 ||
		    arc_unit_record(fd, &last.u, refs_in->dict, recno, &buf,
		    &cap, &line, &len, &w) < 0)
			goto fail;
		last.a = refs_in, last.day = day, last.off = off;
		last.have = recno + 1;
		last.end = line + len + 1 - buf;
	}
	if (line == NULL || json_member(line, len, field, &start, &value,
	    &end) < 0) {
		w = "the record there does not hold it";
		goto fail;
	}
	*n = end - value;
	return line + value;
fail:
	if (why != NULL)
		*why = w ? w : "no unit where it points";
	return NULL;
}

int
restore(const char *text, size_t len, const struct arc_unit *u, uint32_t n,
    const char **out, size_t *outlen, const char **why)
{
	static char *buf[2];
	static size_t cap[2];
	const char *v;
	char name[32];
	size_t start, value, end, bn, fl, need, at;
	uint64_t off;
	uint32_t recno;
	unsigned refs = arc_unit_refs(u, n);
	int k = 0, bad = 0, day;

	*out = text;
	*outlen = len;
	if (u->legacy ? memmem(text, len, "_ref\":\"@", 8) == NULL : !refs)
		return 0;	/* the common case, cheaply */
	for (int i = 0; dedup_fields[i] != NULL; i++) {
		if (!u->legacy && !(refs & 1u << i))
			continue;
		fl = strlen(dedup_fields[i]);
		snprintf(name, sizeof(name), "%s_ref", dedup_fields[i]);
		if (json_member(text, len, name, &start, &value, &end) < 0) {
			if (u->legacy)
				continue;	/* none: nothing to do */
			*why = "its unit lists a reference it does not hold";
			bad++;
			continue;
		}
		if (end - value < 2 || text[value] != '"' ||
		    ref_parse(text + value + 1, end - value - 2, &day, &off,
		    &recno) < 0) {
			*why = "a reference that names no record";
			bad++;
			continue;
		}
		if ((v = body_at(day, off, recno, dedup_fields[i], &bn,
		    why)) == NULL) {
			bad++;
			continue;
		}
		/* legacy: "html_ref":"@..." was "html":BODY; now the
		 * name loses its "_ref" and the value is the body, the
		 * bytes between them as they are */
		at = u->legacy ? fl + 3 : value - start - 4;
		need = start + at + bn + (len - end);
		if (need > cap[k])
			buf[k] = kh_realloc(buf[k], cap[k] = need);
		memcpy(buf[k], text, start + 1 + fl);
		if (u->legacy)
			memcpy(buf[k] + start + 1 + fl, "\":", 2);
		else
			memcpy(buf[k] + start + 1 + fl, text + start + 5 + fl,
			    value - start - 5 - fl);
		memcpy(buf[k] + start + at, v, bn);
		memcpy(buf[k] + start + at + bn, text + end, len - end);
		text = buf[k];
		len = need;
		k ^= 1;
	}
	*out = text;
	*outlen = len;
	return bad;
}

/* --- main ------------------------------------------------------------------ */

static void
option(int c, char *arg)
{
	char *eq;
	size_t n;

	switch (c) {
	case 'o':
		opt.out = arg;
		break;
	case OPT_TEE:
		opt.tee = 1;
		break;
	case OPT_LEVEL:
		opt.arc.level = atoi(arg);
		if (opt.arc.level < 1 || opt.arc.level > ZSTD_maxCLevel())
			kh_die("--level: want 1..%d", ZSTD_maxCLevel());
		break;
	case OPT_FRAME:
		if (kh_parse_size(arg, &n) < 0 || n > ((size_t)1 << 30))
			kh_die("--frame-size: not a size up to 1G: %s", arg);
		opt.arc.frame = n;
		opt.frame_set = 1;
		break;
	case OPT_FROM:
	case OPT_TO:
		if (!is_day(arg) || arg[10] != '\0')
			kh_die("--%s: want YYYY-MM-DD: %s",
			    c == OPT_FROM ? "from" : "to", arg);
		*(c == OPT_FROM ? &opt.from : &opt.to) = arg;
		break;
	case OPT_WHERE:
		if ((eq = strchr(arg, '=')) == NULL || eq == arg)
			kh_die("--where: want field=value: %s", arg);
		opt.where_key = strndup(arg, eq - arg);
		opt.where_val = eq + 1;
		break;
	case OPT_REPAIR:
		opt.repair = 1;
		break;
	case OPT_WARC:
		opt.warc = 1;
		break;
	case OPT_NO_DICT:
		opt.no_dict = 1;
		break;
	case OPT_CHANGED:
		opt.changed = 1;
		break;
	case OPT_ONCE:
		opt.once = 1;
		break;
	case OPT_ENTITY:
		opt.find_entity = kh_realloc(opt.find_entity,
		    (opt.find_nentity + 1) * sizeof(*opt.find_entity));
		opt.find_entity[opt.find_nentity++] = arg;
		break;
	case OPT_TYPE:
		if (strcmp(arg, "PER") != 0 && strcmp(arg, "LOC") != 0 &&
		    strcmp(arg, "ORG") != 0)
			kh_die("--type: want PER, LOC or ORG: %s", arg);
		opt.find_type = arg;
		break;
	case OPT_SITE:
		opt.find_site = arg;
		break;
	case OPT_LANG:
		opt.find_lang = arg;
		break;
	case OPT_TEXT:
		opt.find_text = arg;
		break;
	case OPT_URL:
		opt.find_url = arg;
		break;
	case OPT_STORY:
		opt.find_story = arg;
		break;
	case OPT_LATEST:
		opt.find_latest = 1;
		break;
	case OPT_COUNT:
		opt.find_count = 1;
		break;
	case OPT_BY:
		if (strcmp(arg, "day") == 0)
			opt.find_by = BY_DAY;
		else if (strcmp(arg, "site") == 0)
			opt.find_by = BY_SITE;
		else if (strcmp(arg, "entity") == 0)
			opt.find_by = BY_ENTITY;
		else if (strcmp(arg, "story") == 0)
			opt.find_by = BY_STORY;
		else
			kh_die("--by: want day, site, entity or story: %s",
			    arg);
		break;
	case OPT_THREADS:
		opt.threads = atoi(arg);
		if (opt.threads < 1 || opt.threads > MAX_THREADS ||
		    strspn(arg, "0123456789") != strlen(arg))
			kh_die("--threads: want 1..%d: %s", MAX_THREADS, arg);
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tee", no_argument, NULL, OPT_TEE },
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "frame-size", required_argument, NULL, OPT_FRAME },
		{ "no-dict", no_argument, NULL, OPT_NO_DICT },
		{ "threads", required_argument, NULL, OPT_THREADS },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "where", required_argument, NULL, OPT_WHERE },
		{ "repair", no_argument, NULL, OPT_REPAIR },
		{ "warc", no_argument, NULL, OPT_WARC },
		{ "changed", no_argument, NULL, OPT_CHANGED },
		{ "once", no_argument, NULL, OPT_ONCE },
		{ "entity", required_argument, NULL, OPT_ENTITY },
		{ "type", required_argument, NULL, OPT_TYPE },
		{ "site", required_argument, NULL, OPT_SITE },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "url", required_argument, NULL, OPT_URL },
		{ "story", required_argument, NULL, OPT_STORY },
		{ "latest", no_argument, NULL, OPT_LATEST },
		{ "count", no_argument, NULL, OPT_COUNT },
		{ "by", required_argument, NULL, OPT_BY },
		{ NULL, 0, NULL, 0 },
	};
	static const struct kh_cli cli = {
		.usage = "[-hq] [--frame-size size] [--level n] "
		    "[--max-line size] [--max-values n] [--no-dict] "
		    "[--once] [--progress] [--strict] [--tee] "
		    "[--threads n] [--version] -o archive [file ...]\n"
		    "cat [--from day] [--to day] [--where field=value] "
		    "archive\n"
		    "find [--entity name ...] [--type PER|LOC|ORG] "
		    "[--from day] [--to day] [--site host] [--lang tag] "
		    "[--text words] [--url pattern] [--story id] [--latest] "
		    "[--where field=value] [--count | --by "
		    "day|site|entity|story] archive\n"
		    "get archive url ... | -\n"
		    "ls archive\n"
		    "stats archive\n"
		    "verify [--repair] archive\n"
		    "reindex archive\n"
		    "new [--changed] archive [file ...]\n"
		    "export --warc [--from day] [--to day] "
		    "[--where field=value] archive\n"
		    "report [--from day] [--to day] [-o file] archive\n"
		    "merge [--once] archive shard ...",
		.help = "  -o archive        append the records to archive (a "
		    "directory of day files,\n"
		    "                    or a single file ending in .zst); "
		    "report: the page\n"
		    "                    (default and -: standard output)\n"
		    "      --tee         pass each record on once it is "
		    "stored\n"
		    "      --once        leave out a page stored already "
		    "under one of its URLs\n"
		    "      --level N     zstd level (default 5)\n"
		    "      --no-dict     neither train nor use a dictionary\n"
		    "      --threads N   compressing threads (default: one a "
		    "CPU, at most 16)\n"
		    "      --frame-size N  bytes of records a frame holds "
		    "(default 512K; 16M\n"
		    "                    at levels 10 and above)\n"
		    "      --from DAY, --to DAY  cat: days to read; find, "
		    "report: days published\n"
		    "      --where F=V   cat, find: records whose field F is "
		    "V (a.b: in arrays too)\n"
		    "      --entity NAME find: records naming NAME (norm or "
		    "mention, suffixes too)\n"
		    "      --type T      find: of entities of type T (PER, "
		    "LOC, ORG)\n"
		    "      --text WORDS  find: records with all the words "
		    "(title or text)\n"
		    "      --site, --lang, --url, --story  find: the "
		    "record's site, language, URL, story\n"
		    "      --latest      find: a URL's newest version only\n"
		    "      --count, --by K  find: how many; or tallies by "
		    "day, site, entity, story\n"
		    "      --repair      verify: cut a damaged tail, rebuild "
		    "the index\n"
		    "      --changed     new: also what the archive holds in "
		    "an older version\n"
		    "      --warc        export: WARC 1.1, one gzip member a "
		    "record, on stdout\n",
		.shortopts = "o:",
		.longopts = longopts,
		.opt = option,
	};
	static const char *const commands[] = { "cat", "export", "find", "get",
	    "ls", "stats", "verify", "reindex", "new", "report", "merge",
	    NULL };
	static struct archive a;	/* static: reachable at exit */
	char **args;
	int i = kh_options(argc, argv, &cli), st;

	args = argv + i;
	/* report's -o is the page it writes, not an archive */
	if (opt.out != NULL && (args[0] == NULL ||
	    strcmp(args[0], "report") != 0))
		return cmd_write(args);
	if (args[0] == NULL)
		kh_usage();
	for (i = 0; commands[i] && strcmp(commands[i], args[0]) != 0; i++)
		;
	if (commands[i] == NULL) {
		kh_warn("%s: no such command", args[0]);
		kh_usage();
	}
	if (strcmp(args[0], "export") == 0 && !opt.warc) {
		kh_warn("export: say which format (--warc)");
		kh_usage();
	}
	if (strcmp(args[0], "merge") == 0)
		return cmd_merge(args);
	if (args[1] == NULL) {
		kh_warn("%s: which archive?", args[0]);
		kh_usage();
	}
	archive_init(&a, args[1], 0);
	dict_load(&a);
	refs_in = &a;
	if (strcmp(args[0], "cat") == 0)
		st = cmd_cat(&a, 0);
	else if (strcmp(args[0], "export") == 0 && opt.warc)
		st = cmd_cat(&a, 1);
	else if (strcmp(args[0], "find") == 0)
		st = args[2] != NULL ? (kh_usage(), 2) : cmd_find(&a);
	else if (strcmp(args[0], "get") == 0)
		st = cmd_get(&a, args + 2);
	else if (strcmp(args[0], "report") == 0)
		st = args[2] != NULL ? (kh_usage(), 2) : cmd_report(&a);
	else if (strcmp(args[0], "ls") == 0)
		st = (each_entry(&a, ls_entry, NULL), 0);
	else if (strcmp(args[0], "stats") == 0)
		st = cmd_stats(&a);
	else if (strcmp(args[0], "verify") == 0)
		st = cmd_walk(&a, 0);
	else if (strcmp(args[0], "reindex") == 0)
		st = cmd_walk(&a, 1);
	else if (strcmp(args[0], "new") == 0)
		return cmd_new(&a, args + 2);
	else
		kh_usage();
	i = rec_exit();
	return st > i ? st : i;
}

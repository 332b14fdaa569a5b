/*
 * archive.c: libFuzzer target for store's archive reader (store/archive.c
 * and store/dedup.c): whatever bytes a data file or an index holds, the
 * reader says what is wrong and never crashes, reads out of bounds or
 * leaks.
 *
 * Input: the data file, then optionally "\n--index--\n" and an index.
 * The data goes into a memfd and through arc_scan (every unit checked
 * and decompressed), arc_unit_read and arc_unit_record at each unit and
 * record the scan found, and at each offset an index line names; every
 * record found goes through json_member for the fields dedup uses.
 */
#define _GNU_SOURCE	/* memfd_create, memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "khobor.h"
#include "../store/archive.h"
#include "../store/dedup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEP "\n--index--\n"

static int fd;
static uint64_t fsize;

static void
members(const char *text, size_t len)
{
	static const char *const keys[] = { "url", "html", "text",
	    "html_ref", "text_ref", NULL };
	size_t start, value, end;

	for (const char *const *k = keys; *k; k++)
		if (json_member(text, len, *k, &start, &value, &end) == 0 &&
		    (start > value || value > end || end > len))
			abort();
}

/* Read record n of the unit at off, as get does. */
static void
get(uint64_t off, uint32_t n)
{
	static char *buf;
	static size_t cap;
	struct arc_unit u;
	const char *why, *line;
	size_t len;

	if (arc_unit_read(fd, off, fsize, &u, &why) != 1)
		return;
	if (arc_unit_record(fd, &u, NULL, n, &buf, &cap, &line, &len,
	    &why) == 0) {
		if (line < buf || line + len > buf + u.raw)
			abort();
		members(line, len);
	}
}

static int
unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *line;
	size_t len;

	(void)arg;
	for (uint32_t i = 0; i < u->nrec; i++) {
		if ((line = arc_nth_line(recs, u->raw, i, &len)) == NULL)
			abort();	/* the scan checked the count */
		if (arc_unit_refs(u, i) > 3)
			abort();
		members(line, len);
		get(u->off, i);
	}
	return 0;
}

/* Each URL of an index line lies inside it, and is not empty. */
static const char *line;
static size_t linelen;

static void
in_line(const char *url, size_t n, void *arg)
{
	(void)arg;
	if (n == 0 || url < line || url + n > line + linelen ||
	    memchr(url, '\t', n) != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *idx = memmem(data, size, SEP, strlen(SEP));
	size_t dsize = idx ? (size_t)(idx - data) : size;
	struct arc_entry e;
	const char *why;
	char *copy, *p, *nl;
	uint64_t end;

	fd = memfd_create("archive", MFD_CLOEXEC);
	if (fd < 0 || (dsize > 0 && write(fd, data, dsize) != (ssize_t)dsize))
		abort();
	fsize = dsize;
	if ((arc_scan(fd, NULL, unit, NULL, &end, &why) < 0) != (why != NULL) ||
	    end > fsize || (end < fsize && why == NULL))
		abort();	/* a stop must say why */
	if (idx != NULL) {
		idx += strlen(SEP);
		size = data + size - idx;
		copy = malloc(size + 1);
		memcpy(copy, idx, size);
		copy[size] = '\0';
		for (p = copy; (nl = memchr(p, '\n', copy + size - p));
		    p = nl + 1)
			if (arc_entry_parse(p, nl - p, &e) == 0) {
				line = p, linelen = nl - p;
				arc_entry_urls(&e, in_line, NULL);
				if ((e.hash && (e.hash < p ||
				    e.hash + e.hashlen > nl)) || e.date < -1)
					abort();
				get(e.off, e.recno);
			}
		free(copy);
	}
	close(fd);
	return 0;
}

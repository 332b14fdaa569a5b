/*
 * warc.c: libFuzzer target for unwarc's WARC reader (unwarc/warcin.c)
 * and body decoder (lib/decode.c).
 *
 * Input: the first byte sets how many bytes each read gives (1..256),
 * so that records, lines and gzip members fall across reads anywhere;
 * the rest is the file, plain or gzip.
 *
 * What must hold: the reader ends (every call moves on or ends); each
 * record's offset lies in the file; a body holds at most the limit and
 * a NUL after it; a status is 0 or 100..599; damage is reported at an
 * offset in the file; nothing leaks or reads out of bounds (ASan,
 * UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../unwarc/warcin.h"

#define MAX 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct mem {
	const uint8_t *p;
	size_t n, at, step;
};

static ssize_t
mem_read(void *ctx, void *buf, size_t n)
{
	struct mem *m = ctx;

	if (n > m->step)
		n = m->step;
	if (n > m->n - m->at)
		n = m->n - m->at;
	memcpy(buf, m->p + m->at, n);
	m->at += n;
	return (ssize_t)n;
}

static int
want(const struct warcin_rec *r, void *arg)
{
	(void)arg;
	return r->status == 0 || (r->status >= 200 && r->status < 300);
}

static void
problem(void *arg, uint64_t off, const char *msg)
{
	const struct mem *m = arg;

	if (off > m->n || msg == NULL || *msg == '\0')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mem m;
	struct warcin *w;
	struct warcin_rec r;
	size_t i, records = 0;

	if (size < 1)
		return 0;
	m.step = (size_t)data[0] + 1;
	m.p = data + 1;
	m.n = size - 1;
	m.at = 0;
	w = warcin_new(mem_read, &m, MAX, want, problem, &m);
	while (warcin_next(w, &r) == 1) {
		if (r.offset >= m.n || ++records > m.n)
			abort();	/* past the file, or no progress */
		if (r.status != 0 && (r.status < 100 || r.status > 599))
			abort();
		for (i = 0; i < r.nwarc; i++)
			if (r.warc[i].name == NULL || r.warc[i].value == NULL)
				abort();
		if (r.has_body && (r.body->len > MAX ||
		    r.body->out[r.body->len] != '\0'))
			abort();
	}
	warcin_free(w);
	return 0;
}

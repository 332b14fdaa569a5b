/*
 * sha1.c: SHA-1 as FIPS 180-4 sections 5.1.1 (padding), 5.3.1 (initial
 * hash value) and 6.1.2 (the computation) describe it.
 */
#include <string.h>

#include "sha1.h"

#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
/* One step i of 6.1.2 (3) with f and k of its stage, the schedule kept
 * in 16 words as 6.1.3 does it: W(i) replaces W(i - 16). */
#define W(i) ((i) < 16 ? w[i] : (w[(i) & 15] = ROTL(w[((i) - 3) & 15] ^ \
	w[((i) - 8) & 15] ^ w[((i) - 14) & 15] ^ w[(i) & 15], 1)))
#define STEP(f, k) do { \
	t = ROTL(a, 5) + (f) + e + (k) + W(i); \
	e = d, d = c, c = ROTL(b, 30), b = a, a = t; \
} while (0)

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* One 512-bit block into the hash value (6.1.2, steps 1 to 4). */
static void
block(uint32_t h[5], const unsigned char *p)
{
	uint32_t w[16], a, b, c, d, e, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = be32(p + 4 * i);
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	/* Four stages of 20 steps, each with its function and constant. */
	for (i = 0; i < 20; i++)
		STEP((b & c) ^ (~b & d), 0x5a827999);		/* Ch */
	for (; i < 40; i++)
		STEP(b ^ c ^ d, 0x6ed9eba1);			/* Parity */
	for (; i < 60; i++)
		STEP((b & c) ^ (b & d) ^ (c & d), 0x8f1bbcdc);	/* Maj */
	for (; i < 80; i++)
		STEP(b ^ c ^ d, 0xca62c1d6);			/* Parity */
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

void
sha1_init(struct sha1 *s)
{
	static const uint32_t h0[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
	};

	memcpy(s->h, h0, sizeof h0);
	s->len = 0;
}

void
sha1_update(struct sha1 *s, const void *p, size_t n)
{
	const unsigned char *in = p;
	size_t have = s->len % 64, take;

	s->len += n;
	if (have > 0) {
		take = 64 - have < n ? 64 - have : n;
		memcpy(s->buf + have, in, take);
		in += take, n -= take;
		if (have + take < 64)
			return;
		block(s->h, s->buf);
	}
	for (; n >= 64; in += 64, n -= 64)
		block(s->h, in);
	memcpy(s->buf, in, n);
}

void
sha1_final(struct sha1 *s, unsigned char out[SHA1_LEN])
{
	uint64_t bits = s->len * 8;
	size_t have = s->len % 64;
	int i;

	/* 5.1.1: a 1 bit, zeros up to 448 mod 512, the length in 64 bits. */
	s->buf[have++] = 0x80;
	if (have > 56) {
		memset(s->buf + have, 0, 64 - have);
		block(s->h, s->buf);
		have = 0;
	}
	memset(s->buf + have, 0, 56 - have);
	for (i = 0; i < 8; i++)
		s->buf[56 + i] = bits >> (56 - 8 * i);
	block(s->h, s->buf);
	for (i = 0; i < SHA1_LEN; i++)
		out[i] = s->h[i / 4] >> (24 - 8 * (i % 4));
}

void
sha1_base32(const unsigned char d[SHA1_LEN], char out[SHA1_B32_SIZE])
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned acc = 0, nbits = 0;
	int i;

	/* Five bits a character, most significant first. */
	for (i = 0; i < SHA1_LEN; i++) {
		acc = (acc << 8 | d[i]) & 0xfff;
		for (nbits += 8; nbits >= 5; nbits -= 5)
			*out++ = abc[(acc >> (nbits - 5)) & 31];
	}
	*out = '\0';
}

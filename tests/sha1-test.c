/*
 * sha1-test: lib/sha1.c against the FIPS 180-4 example vectors (NIST
 * "Cryptographic Standards and Guidelines: Examples with Intermediate
 * Values", SHA-1) and base32 digests as WARC files carry them.  TAP.
 */
#include <stdio.h>
#include <string.h>

#include "sha1.h"
#include "tap.h"

static void
hex(const unsigned char d[SHA1_LEN], char out[2 * SHA1_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < SHA1_LEN; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * SHA1_LEN] = '\0';
}

/* The digest of msg (len bytes), fed chunk bytes at a time. */
static void
digest(const void *msg, size_t len, size_t chunk, unsigned char d[SHA1_LEN])
{
	const char *p = msg;
	struct sha1 s;
	size_t k;

	sha1_init(&s);
	for (; len > 0; p += k, len -= k) {
		k = len < chunk ? len : chunk;
		sha1_update(&s, p, k);
	}
	sha1_final(&s, d);
}

static void
vector(const char *name, const void *msg, size_t len, const char *want,
    const char *want32)
{
	unsigned char d[SHA1_LEN];
	char got[2 * SHA1_LEN + 1], got32[SHA1_B32_SIZE];

	digest(msg, len, len ? len : 1, d);
	hex(d, got);
	sha1_base32(d, got32);
	if (strcmp(got, want) != 0)
		printf("# got  %s\n# want %s\n", got, want);
	tap_ok(strcmp(got, want) == 0, "%s", name);
	if (strcmp(got32, want32) != 0)
		printf("# got  %s\n# want %s\n", got32, want32);
	tap_ok(strcmp(got32, want32) == 0, "... and in base32");
}

int
main(void)
{
	static char million[1000000];
	static const char two_blocks[] = "abcdefghbcdefghicdefghijdefghijk"
	    "efghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
	    "mnopqrstnopqrstu";
	unsigned char buf[200], whole[SHA1_LEN], part[SHA1_LEN];
	unsigned char zero[SHA1_LEN] = { 0 }, ones[SHA1_LEN], seq[SHA1_LEN];
	char b32[SHA1_B32_SIZE];
	size_t len, chunk;
	int same = 1, i;

	tap_plan(15);
	vector("FIPS 180-4 one block: \"abc\"", "abc", 3,
	    "a9993e364706816aba3e25717850c26c9cd0d89d",
	    "VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
	vector("FIPS 180-4 two blocks: the 448-bit message",
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
	    "QSMD4RA4HPJG5OVOJKQ7SUJJ4XSUM4HR");
	memset(million, 'a', sizeof million);
	vector("FIPS 180-4 long message: one million 'a'", million,
	    sizeof million, "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
	    "GSVJOPGUYTNKJ5Q65MV5XLJHGFSTIALP");
	vector("the 896-bit message of the SHA-512 examples",
	    two_blocks, sizeof two_blocks - 1,
	    "a49b2446a02c645bf419f995b67091253a04a259",
	    "USNSIRVAFRSFX5AZ7GK3M4EREU5AJISZ");
	vector("the empty message (WARC's digest of an empty block)", "", 0,
	    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
	    "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");

	/* Every split of the input gives the same digest: lengths around
	 * the 55/56 and 64 byte edges of the padding, chunks 1 to 70. */
	for (i = 0; i < (int)sizeof buf; i++)
		buf[i] = i * 7 + 1;
	for (len = 0; len <= sizeof buf; len++) {
		digest(buf, len, sizeof buf, whole);
		for (chunk = 1; chunk <= 70; chunk++) {
			digest(buf, len, chunk, part);
			same &= memcmp(whole, part, SHA1_LEN) == 0;
		}
	}
	tap_ok(same, "the digest does not depend on how the input is split");

	memset(ones, 0xff, sizeof ones);
	for (i = 0; i < SHA1_LEN; i++)
		seq[i] = i;
	sha1_base32(zero, b32);
	tap_ok(strcmp(b32, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") == 0,
	    "base32 of 20 zero bytes");
	sha1_base32(ones, b32);
	tap_ok(strcmp(b32, "77777777777777777777777777777777") == 0,
	    "base32 of 20 0xff bytes");
	sha1_base32(seq, b32);
	tap_ok(strcmp(b32, "AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT") == 0,
	    "base32 of bytes 0 to 19");
	tap_ok(strlen(b32) == 32, "base32 of a digest is 32 characters");
	return tap_exit();
}

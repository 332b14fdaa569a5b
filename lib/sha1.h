/*
 * sha1.h: SHA-1 (FIPS 180-4), for WARC's block and payload digests.
 * Not for anything that needs collision resistance: WARC tools expect
 * SHA-1 digests in base32, so that is what they get.
 */
#ifndef SHA1_H
#define SHA1_H

#include <stddef.h>
#include <stdint.h>

#define SHA1_LEN 20		/* bytes of a digest */
#define SHA1_B32_SIZE 33	/* its base32 and a NUL */

struct sha1 {
	uint32_t h[5];
	uint64_t len;		/* bytes hashed so far */
	unsigned char buf[64];	/* the block being filled: len % 64 bytes */
};

void sha1_init(struct sha1 *s);
void sha1_update(struct sha1 *s, const void *p, size_t n);
void sha1_final(struct sha1 *s, unsigned char out[SHA1_LEN]);
/* The digest in base32 (RFC 4648 alphabet, upper case): 160 bits are
 * exactly 32 characters, so there is never padding. */
void sha1_base32(const unsigned char d[SHA1_LEN], char out[SHA1_B32_SIZE]);

#endif

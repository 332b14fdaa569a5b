/*
 * gaz.h: the gazetteer: names of persons, places and organisations,
 * each with its type and canonical name (norm), looked up by the keys
 * of its tokens (tok.h) joined by one space.
 */
#ifndef GAZ_H
#define GAZ_H

#include <stddef.h>
#include <stdint.h>

#include "tok.h"

enum { T_NONE, T_PER, T_LOC, T_ORG, T_NTYPES };
extern const char *const type_name[T_NTYPES];
int type_parse(const char *s, size_t n);

struct gaz;
struct gaz *gaz_new(void);
void gaz_free(struct gaz *g);
/* Add a name; the first entry of a name wins.  norm NULL: the name. */
void gaz_add(struct gaz *g, const char *name, size_t len, int type,
	const char *norm, size_t nlen, int weak);
/* Lines "name<TAB>type[<TAB>norm]" (type PER, LOC or ORG; '#' starts a
 * comment line).  Returns -1 with errno set when the file cannot be
 * read; bad lines are reported with kh_warn and left out.  The names
 * of a weak file (places-bd.tsv: some are common words too) count only
 * where the model also sees a name. */
int gaz_load(struct gaz *g, const char *path, int weak);
/* Every ISO 3166 region's name in Bengali and English from ICU's locale
 * data, norm the English name. */
void gaz_countries(struct gaz *g);
size_t gaz_size(const struct gaz *g);

/* The hashes gaz_match wants of token t (key its key): the FNV-1a
 * states from seed after each stem, h[0..nstem), and after the whole
 * key, h[nstem]; the seed of a token alone is GAZ_FNV_SEED.  The
 * same for every gazetteer, so a tagger hashes a token once. */
#define GAZ_FNV_SEED 0xcbf29ce484222325ULL
#define GAZ_FNV_PRIME 0x100000001b3ULL
void gaz_key_hashes(const struct tok *t, const char *key, uint64_t seed,
	uint64_t *h);
/* The longest name that starts at token i of s, its last token maybe
 * with a case suffix, h the hashes of token i (gaz_key_hashes):
 * returns the number of tokens (0: none) and sets *type and *norm
 * (NUL-terminated, owned by g). */
size_t gaz_match(const struct gaz *g, const struct sent *s, size_t i,
	const uint64_t *h, int *type, const char **norm, int *weak);
/* Whether key (one token's key, a stem) is a one-token name. */
int gaz_word(const struct gaz *g, const char *key, size_t len, int *type,
	const char **norm);
/* Whether key (one token's key) is a name or the first words of one. */
int gaz_known(const struct gaz *g, const char *key, size_t len);

#endif

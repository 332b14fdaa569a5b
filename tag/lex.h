/*
 * lex.h: a word's class for the entity model: a table from a token's
 * key to a small number (its word cluster, its role in the names of
 * the training data), read from lines of key<TAB>number.
 */
#ifndef LEX_H
#define LEX_H

#include <stddef.h>
#include <stdint.h>

struct lex;
struct lex *lex_new(void);
void lex_free(struct lex *x);
/* Set key's number (not 0); a key set already keeps its first one. */
void lex_put(struct lex *x, const char *key, size_t len, unsigned v);
/* key's number |= bits, key put when it is not there (and then left
 * where it is: it must outlive x). */
void lex_or(struct lex *x, const char *key, size_t len, unsigned bits);
/* Room for n more keys at once. */
void lex_reserve(struct lex *x, size_t n);
/* key's number, 0 when it has none. */
unsigned lex_get(const struct lex *x, const char *key, size_t len);
/* Lines key<TAB>number from memory, the keys left there (text must
 * outlive x); bad lines are reported with kh_warn (path, line) and
 * left out. */
void lex_parse(struct lex *x, const char *text, size_t len,
	const char *path);
size_t lex_size(const struct lex *x);

#endif

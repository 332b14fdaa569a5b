/*
 * translit.h: Bengali words in Latin letters, for the norm of a name
 * no gazetteer knows, so that a name has one norm in Bengali and in
 * English text (শাকিব, Shakib: Shakib).  A table says how a word is
 * written in Latin (translit.tsv, from the dakshina-bn pairs); a word
 * not in it is written by rule.
 */
#ifndef TRANSLIT_H
#define TRANSLIT_H

#include <stddef.h>

struct translit;
/* The table of the lines bn<TAB>latin of text, which must outlive it
 * (the words stay there); bad lines are reported and left out. */
struct translit *translit_new(const char *text, size_t len,
	const char *path);
void translit_free(struct translit *t);
/* The Latin form of the Bengali word key (NFC, a token's key) into
 * out, NUL-terminated, its first letter a capital: the table's (t may
 * be NULL), else by rule.  Returns its length, 0 when out is too
 * small or key has nothing to write. */
size_t translit_word(const struct translit *t, const char *key, size_t len,
	char *out, size_t cap);

/* The same by rule, the inherent vowels inside the word kept: the
 * other spelling names often have (মমতা Mamta, Mamata). */
size_t translit_medial(const char *key, size_t len, char *out,
	size_t cap);

#endif

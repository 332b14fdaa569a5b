/*
 * ner.h: named entities of a record: persons, places, organisations,
 * from the gazetteer first and the perceptron model for names in no
 * list, each with a canonical name (norm) shared across the record.
 */
#ifndef NER_H
#define NER_H

#include <stddef.h>

struct ner;

/* The tagger with the gazetteer files named (the first entry of a name
 * wins, so the user's files come first), ICU's country names, the weak
 * gazetteer files (see gaz_load), the model at model_path (NULL:
 * gazetteer only), and the table of Latin spellings of Bengali words
 * (translit.h; NULL: spelt by rule), read when first needed.  Dies when
 * a gazetteer cannot be read or the model is not one. */
struct ner *ner_open(const char *model_path, const char *const *gaz,
	int ngaz, const char *const *weak, int nweak, const char *translit);
/* Another tagger, for another thread: n's gazetteer and model shared
 * (what is read of them when first needed is read once, under a lock),
 * its own buffers and caches.  Close it before n. */
struct ner *ner_dup(struct ner *n);
void ner_close(struct ner *n);

struct ner_mention {
	int field;		/* as given to ner_text() */
	size_t start, end;	/* code points into the field */
	size_t bstart, bend;	/* bytes into the field */
	int type;		/* T_PER, T_LOC, T_ORG (gaz.h) */
	const char *norm;	/* valid until the next ner_begin() */
};

/* One record: ner_begin, ner_text for each field in turn, then
 * ner_end gives the mentions (owned by n, in order of field and
 * start), norms linked across the record (পুতিন after ভ্লাদিমির
 * পুতিন). */
void ner_begin(struct ner *n);
void ner_text(struct ner *n, int field, const char *text, size_t len);
size_t ner_end(struct ner *n, const struct ner_mention **out);

#endif

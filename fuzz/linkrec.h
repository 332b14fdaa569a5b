/* linkrec.h: what the fuzz targets of links' readers share. */
#ifndef LINKREC_H
#define LINKREC_H

#include "../links/links.h"

/* A source for the body of one input, its records checked as written
 * (linkrec.c): each must be strict JSON on one line that validate's
 * check_record() passes, with kind, via, depth and dates as
 * docs/records.md has them.  Aborts on the first that is not. */
void linkrec_begin(struct source *s, enum stype type, long depth);
/* Ends the source (its records are checked) and returns how many
 * were written. */
unsigned long linkrec_end(struct source *s);
/* Check too that every article is on the source's site (after
 * linkrec_begin). */
void linkrec_same_site(int on);
/* How many written of a kind and via, since linkrec_begin. */
unsigned long linkrec_count(int kind, int via);

#endif

/* slurp.h: see slurp.c. */
#ifndef SLURP_H
#define SLURP_H

#include <stddef.h>

/* The whole of the file at path, malloc'd with its length in *len; dies
 * when it cannot be read. */
char *slurp(const char *path, size_t *len);

#endif

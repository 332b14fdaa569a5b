/* members.h: see members.c. */
#ifndef MEMBERS_H
#define MEMBERS_H

#include <stddef.h>

struct json_object;
struct rec_members;

/* NULL when m holds the members of obj as text shows them (each name
 * between its quotes; the last of each name json-c's value; as many
 * names as json-c has, unless a name has escapes), else what is not. */
const char *members_differ(struct json_object *obj, const char *text,
	size_t len, const struct rec_members *m);

#endif

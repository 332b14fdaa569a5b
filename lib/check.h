/* check.h: records against docs/records.md, without the program. */
#ifndef CHECK_H
#define CHECK_H

#include <json-c/json.h>

/* Called once per problem: field is the path of the field ("status",
 * "dates[2].end"), msg says what is wrong. */
typedef void check_report(void *arg, const char *field, const char *msg);

/* Check one record; returns the number of problems reported. */
int check_record(struct json_object *rec, check_report *report, void *arg);

/* The pieces, for tests and fuzzing: 0 when s is well-formed. */
int check_value(const char *s, const char *kind, const char **why);
int check_datetime(const char *s, int need_utc, const char **why);
int check_lang(const char *s);

#endif

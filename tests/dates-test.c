/*
 * dates-test: run the date finder over lines "REF<TAB>TEXT".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../tag/dates.h"

static void
print(const struct date_mention *m, void *arg)
{
	(void)arg;
	printf("%zu\t%zu\t%s\t%s\t%s\n", m->start, m->end, m->kind, m->value,
	    m->mod ? m->mod : "-");
}

int
main(int argc, char **argv)
{
	struct date_ref ref;
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;

	(void)argc;
	kh_setprog(argv[0]);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if ((tab = memchr(line, '\t', n)) == NULL)
			continue;
		if (date_ref_parse(line, tab - line, &ref) < 0)
			ref.set = 0;
		dates_find(tab + 1, n - (tab + 1 - line), &ref, print, NULL);
	}
	free(line);
	return 0;
}

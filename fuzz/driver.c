/*
 * driver.c: replay a fuzz corpus without libFuzzer, for make check.
 *
 * Each argument is a file or a directory; the files directly in a
 * directory are replayed in name order (subdirectories and dot files are
 * left alone).  Each file, read whole, goes once to the target linked
 * with this driver.  A target that finds a bug aborts, so reaching the
 * end means every input passed.
 */
#define _POSIX_C_SOURCE 200809L	/* scandir, alphasort */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "khobor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long ninputs;

static void
run_file(const char *path)
{
	size_t len = 0, cap = 1 << 16;
	char *buf = kh_malloc(cap);
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		kh_die("%s:", path);
	for (;;) {
		if (len == cap)
			buf = kh_realloc(buf, cap *= 2);
		n = read(fd, buf + len, cap - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			kh_die("%s:", path);
		}
		len += n;
	}
	close(fd);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	ninputs++;
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static void
run_dir(const char *dir)
{
	struct dirent **ents;
	struct stat st;
	size_t dlen = strlen(dir), n;
	char *path;
	int k;

	if ((k = scandir(dir, &ents, visible, alphasort)) < 0)
		kh_die("%s:", dir);
	for (int i = 0; i < k; i++) {
		n = dlen + 1 + strlen(ents[i]->d_name) + 1;
		path = kh_malloc(n);
		snprintf(path, n, "%s/%s", dir, ents[i]->d_name);
		if (stat(path, &st) < 0)
			kh_die("%s:", path);
		if (S_ISREG(st.st_mode))
			run_file(path);
		free(path);
		free(ents[i]);
	}
	free(ents);
}

int
main(int argc, char **argv)
{
	struct stat st;

	kh_setprog(argv[0]);
	if (argc < 2)
		kh_die("usage: %s file|directory ...", kh_prog);
	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0)
			kh_die("%s:", argv[i]);
		if (S_ISDIR(st.st_mode))
			run_dir(argv[i]);
		else
			run_file(argv[i]);
	}
	printf("driver: %lu inputs\n", ninputs);
	if (fflush(stdout) == EOF || ferror(stdout))
		kh_die("standard output:");
	return KH_EXIT_OK;
}

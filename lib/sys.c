/*
 * sys.c: system calls made again when a signal cuts them short (EINTR)
 * and transfers carried on when they come short, as a program that
 * keeps state on disk needs them (store's archive, fetch's --state).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"

int
kh_open(const char *path, int flags, int mode)
{
	int fd;

	while ((fd = open(path, flags | O_CLOEXEC, mode)) < 0 && errno == EINTR)
		;
	return fd;
}

int
kh_fsync(int fd)
{
	int r;

	while ((r = fsync(fd)) < 0 && errno == EINTR)
		;
	return r;
}

int
kh_ftruncate(int fd, uint64_t len)
{
	int r;

	while ((r = ftruncate(fd, len)) < 0 && errno == EINTR)
		;
	return r;
}

int
kh_close(int fd)
{
	return close(fd) < 0 && errno != EINTR ? -1 : 0;
}

int
kh_pread_full(int fd, void *buf, size_t n, uint64_t off)
{
	ssize_t r;

	while (n > 0) {
		r = pread(fd, buf, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;	/* shorter than it was */
			return -1;
		}
		buf = (char *)buf + r, n -= r, off += r;
	}
	return 0;
}

int
kh_pwrite_full(int fd, const void *buf, size_t n, uint64_t off)
{
	ssize_t r;

	while (n > 0) {
		r = pwrite(fd, buf, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		buf = (const char *)buf + r, n -= r, off += r;
	}
	return 0;
}

int
kh_sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, r = -1, e;

	if (slash == NULL)
		dir = strdup(".");
	else
		dir = strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (dir == NULL)
		kh_die("strdup:");
	if ((fd = kh_open(dir, O_RDONLY | O_DIRECTORY, 0)) >= 0) {
		r = kh_fsync(fd);
		e = errno;
		close(fd);
		errno = e;
	}
	free(dir);
	return r;
}

int
kh_rename(const char *from, const char *to)
{
	int r;

	while ((r = rename(from, to)) < 0 && errno == EINTR)
		;
	return r;
}

int
kh_write_full(int fd, const void *buf, size_t n)
{
	ssize_t r;

	while (n > 0) {
		r = write(fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		buf = (const char *)buf + r, n -= r;
	}
	return 0;
}

int
kh_replace_file(const char *path, const void *buf, size_t len)
{
	size_t n = strlen(path) + 8;
	char *tmp = kh_malloc(n);
	int fd, ret = -1;

	/* one name for every run: a run killed in the middle leaves a
	 * single file behind, which the next save writes over */
	snprintf(tmp, n, "%s.tmp", path);
	if ((fd = kh_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		kh_warn("%s:", tmp);
		goto out;
	}
	if (kh_write_full(fd, buf, len) < 0 || kh_fsync(fd) < 0) {
		kh_warn("%s: write error:", tmp);
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (kh_close(fd) < 0 || kh_rename(tmp, path) < 0) {
		kh_warn("%s:", path);
		unlink(tmp);
		goto out;
	}
	/* The new file is in place, but a crash may yet undo the rename:
	 * say so, and let the caller end with an error. */
	ret = 0;
	if (kh_sync_parent(path) < 0) {
		kh_warn("%s: sync of its folder failed:", path);
		ret = 1;
	}
out:
	free(tmp);
	return ret;
}

/*
 * fault.c: an LD_PRELOAD shim that makes one system call of a program
 * fail, or kills the program just before it, as SQLite's and jq's tests
 * inject faults: what does the program do when the disk fills at its
 * 5th write, an fsync fails, or the machine stops at its 40th call?
 *
 *	LD_PRELOAD=build/opt/lib/libfault.so KH_FAULT=write:5:ENOSPC prog
 *
 * Environment:
 *
 * KH_FAULT	rules CALL:N[+][:WHAT], separated by commas.  The N-th call
 *		(counting from 1) of CALL on the files it watches (below)
 *		fails; with N+ that call and every later one (a disk that
 *		stays full).  WHAT is an errno name (ENOSPC, EIO, EDQUOT,
 *		EFBIG, EROFS, EACCES, EPERM, ENOMEM, EBADF, EINTR, EAGAIN;
 *		default EIO), or
 *		  KILL	the process kills itself with SIGKILL just before
 *			the call: a crash at that very moment;
 *		  SHORT	read and write calls move half the bytes asked
 *			(at least one) and succeed: the caller must loop.
 *		EINTR fails the call before it does anything, as a signal
 *		would: a program that retries it must go on as if nothing
 *		happened.  close with EINTR closes the descriptor first, as
 *		Linux does.
 * CALL		open (open, open64, openat, openat64, creat, creat64),
 *		read, pread (pread64), write, pwrite (pwrite64), fsync,
 *		fdatasync, ftruncate (ftruncate64), rename (renameat,
 *		renameat2), close, unlink (unlinkat).  The _chk and _2
 *		variants that _FORTIFY_SOURCE calls count too.
 * KH_FAULT_FDS	which calls count: "files" (the default) those on regular
 *		files and directories other than descriptors 0, 1 and 2, so
 *		that the program's own files are hit and its standard
 *		input, output and pipes are not; "all" every call.  Paths
 *		under /proc, /sys and /dev never count.
 * KH_FAULT_LOG	a file to which each fault injected is appended as a line
 *		"fault CALL N WHAT", and, when the program exits (not when
 *		it is killed), a line "calls CALL COUNT" for each CALL it
 *		made: a run without KH_FAULT counts the calls that a test
 *		then fails one by one.
 *
 * Only calls made through the dynamic symbol count: stdio's own reads
 * and writes (fopen, fwrite, fclose) call the kernel from inside the C
 * library and are not seen.  Counters are atomic: a threaded program's
 * calls are counted in the order they happen.
 */
#define _GNU_SOURCE	/* RTLD_NEXT, renameat2 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum call { C_OPEN, C_READ, C_PREAD, C_WRITE, C_PWRITE, C_FSYNC,
	C_FDATASYNC, C_FTRUNCATE, C_RENAME, C_CLOSE, C_UNLINK, NCALLS };
static const char *const names[NCALLS] = { "open", "read", "pread",
	"write", "pwrite", "fsync", "fdatasync", "ftruncate", "rename",
	"close", "unlink" };

#define W_KILL (-1)
#define W_SHORT (-2)
#define NRULES 16
static struct rule {
	enum call call;
	unsigned long n;
	int from;		/* N+: every call from the n-th on */
	int what;		/* an errno, W_KILL or W_SHORT */
} rules[NRULES];
static int nrules, all_fds, inited;
static unsigned long counts[NCALLS];
static const char *logpath;

static const struct {
	const char *name;
	int e;
} errnos[] = {
	{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EDQUOT", EDQUOT },
	{ "EFBIG", EFBIG }, { "EROFS", EROFS }, { "EACCES", EACCES },
	{ "EPERM", EPERM }, { "ENOMEM", ENOMEM }, { "EBADF", EBADF },
	{ "EINTR", EINTR }, { "EAGAIN", EAGAIN },
};

/* The next definition of sym: the C library's. */
static void *
next(const char *sym)
{
	void *f = dlsym(RTLD_NEXT, sym);

	if (f == NULL)
		abort();
	return f;
}

/* The C library's functions, found once. */
#define REAL(type, fn, args) \
	static type (*real_##fn) args; \
	if (__atomic_load_n(&real_##fn, __ATOMIC_ACQUIRE) == NULL) \
		__atomic_store_n(&real_##fn, (type (*) args)next(#fn), \
		    __ATOMIC_RELEASE)

static void
log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
log_line(const char *fmt, ...)
{
	char line[128];
	va_list ap;
	int fd, n;
	REAL(int, open, (const char *, int, ...));
	REAL(ssize_t, write, (int, const void *, size_t));
	REAL(int, close, (int));

	if (logpath == NULL)
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	/* one write a line, appended: lines of threads do not mix */
	if ((fd = real_open(logpath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0644)) < 0)
		return;
	(void)!real_write(fd, line, n);
	real_close(fd);
}

static const char *
what_name(int what)
{
	static char num[16];

	if (what == W_KILL)
		return "KILL";
	if (what == W_SHORT)
		return "SHORT";
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].e == what)
			return errnos[i].name;
	snprintf(num, sizeof(num), "%d", what);
	return num;
}

static int
parse_what(const char *s, size_t n)
{
	if (n == 4 && memcmp(s, "KILL", 4) == 0)
		return W_KILL;
	if (n == 5 && memcmp(s, "SHORT", 5) == 0)
		return W_SHORT;
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strlen(errnos[i].name) == n &&
		    memcmp(errnos[i].name, s, n) == 0)
			return errnos[i].e;
	return 0;
}

static void
bad_rule(const char *s)
{
	char msg[200];
	int n = snprintf(msg, sizeof(msg), "libfault: KH_FAULT: bad rule "
	    "(want CALL:N[+][:ERRNO|KILL|SHORT]): %.80s\n", s);
	REAL(ssize_t, write, (int, const void *, size_t));

	(void)!real_write(2, msg, n > 0 && (size_t)n < sizeof(msg) ? n : 0);
	_exit(99);
}

/* One rule, CALL:N[+][:WHAT], from s (up to a comma or the end). */
static void
parse_rule(const char *s, size_t len)
{
	struct rule *r = &rules[nrules];
	const char *end = s + len, *p = memchr(s, ':', len);
	char *e;
	int c;

	if (p == NULL || nrules == NRULES)
		bad_rule(s);
	for (c = 0; c < NCALLS; c++)
		if (strlen(names[c]) == (size_t)(p - s) &&
		    memcmp(names[c], s, p - s) == 0)
			break;
	if (c == NCALLS || p + 1 >= end || p[1] < '0' || p[1] > '9')
		bad_rule(s);
	r->call = c;
	r->n = strtoul(p + 1, &e, 10);
	if (r->n == 0 || e > end)
		bad_rule(s);
	if (e < end && *e == '+')
		r->from = 1, e++;
	r->what = EIO;
	if (e < end) {
		if (*e != ':' || (r->what = parse_what(e + 1, end - e - 1)) == 0)
			bad_rule(s);
	}
	nrules++;
}

__attribute__((constructor)) static void
init(void)
{
	const char *s = getenv("KH_FAULT"), *comma, *fds;

	if (inited)
		return;
	inited = 1;
	logpath = getenv("KH_FAULT_LOG");
	fds = getenv("KH_FAULT_FDS");
	all_fds = fds != NULL && strcmp(fds, "all") == 0;
	for (; s != NULL && *s; s = comma ? comma + 1 : NULL) {
		comma = strchr(s, ',');
		parse_rule(s, comma ? (size_t)(comma - s) : strlen(s));
	}
}

__attribute__((destructor)) static void
fini(void)
{
	for (int c = 0; c < NCALLS; c++)
		if (counts[c] > 0)
			log_line("calls %s %lu\n", names[c], counts[c]);
}

/* What this call gets: 0 (nothing), an errno or W_SHORT.  A call that
 * is to crash does not return. */
static int
decide(enum call c)
{
	unsigned long n;

	init();
	n = __atomic_add_fetch(&counts[c], 1, __ATOMIC_SEQ_CST);
	for (int i = 0; i < nrules; i++) {
		if (rules[i].call != c || n < rules[i].n ||
		    (n > rules[i].n && !rules[i].from))
			continue;
		log_line("fault %s %lu %s\n", names[c], n,
		    what_name(rules[i].what));
		if (rules[i].what == W_KILL)
			kill(getpid(), SIGKILL);
		return rules[i].what;
	}
	return 0;
}

static int
watched_mode(mode_t m)
{
	return S_ISREG(m) || S_ISDIR(m);
}

/* A call on descriptor fd: what it gets. */
static int
on_fd(enum call c, int fd)
{
	struct stat st;
	int e = errno, w;

	if (!all_fds && (fd <= 2 || fstat(fd, &st) < 0 ||
	    !watched_mode(st.st_mode))) {
		errno = e;
		return 0;
	}
	errno = e;
	w = decide(c);
	return w;
}

/* A call on path (relative to dirfd): what it gets.  A path that does
 * not exist yet (a file being made) counts. */
static int
on_path(enum call c, int dirfd, const char *path, int follow)
{
	struct stat st;
	int e = errno;

	if (!all_fds) {
		if (path == NULL || strncmp(path, "/proc/", 6) == 0 ||
		    strncmp(path, "/sys/", 5) == 0 ||
		    strncmp(path, "/dev/", 5) == 0)
			return 0;
		if (fstatat(dirfd, path, &st, follow ? 0 :
		    AT_SYMLINK_NOFOLLOW) == 0 && !watched_mode(st.st_mode)) {
			errno = e;
			return 0;
		}
		errno = e;
	}
	return decide(c);
}

/* A failure (w an errno) as the call returns it. */
#define FAIL(w) do { \
	int w_ = (w); \
	if (w_ > 0) { \
		errno = w_; \
		return -1; \
	} \
} while (0)

static size_t
shorter(int w, size_t n)
{
	return w == W_SHORT && n > 1 ? n / 2 : n;
}

/* --- the calls ------------------------------------------------------- */

#define MODE(flags, mode) do { \
	if ((flags) & (O_CREAT | O_TMPFILE)) { \
		va_list ap; \
		va_start(ap, flags); \
		mode = va_arg(ap, mode_t); \
		va_end(ap); \
	} \
} while (0)

int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen);
ssize_t __pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen);
ssize_t __pread64_chk(int fd, void *buf, size_t n, off64_t off,
    size_t buflen);

int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	REAL(int, open, (const char *, int, ...));

	MODE(flags, mode);
	FAIL(on_path(C_OPEN, AT_FDCWD, path, 1));
	return real_open(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode = 0;
	REAL(int, open64, (const char *, int, ...));

	MODE(flags, mode);
	FAIL(on_path(C_OPEN, AT_FDCWD, path, 1));
	return real_open64(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	REAL(int, openat, (int, const char *, int, ...));

	MODE(flags, mode);
	FAIL(on_path(C_OPEN, dirfd, path, 1));
	return real_openat(dirfd, path, flags, mode);
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	REAL(int, openat64, (int, const char *, int, ...));

	MODE(flags, mode);
	FAIL(on_path(C_OPEN, dirfd, path, 1));
	return real_openat64(dirfd, path, flags, mode);
}

int
__open_2(const char *path, int flags)
{
	return open(path, flags);
}

int
__open64_2(const char *path, int flags)
{
	return open64(path, flags);
}

int
__openat_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags);
}

int
__openat64_2(int dirfd, const char *path, int flags)
{
	return openat64(dirfd, path, flags);
}

int
creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int
creat64(const char *path, mode_t mode)
{
	return open64(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

ssize_t
read(int fd, void *buf, size_t n)
{
	int w = on_fd(C_READ, fd);
	REAL(ssize_t, read, (int, void *, size_t));

	FAIL(w);
	return real_read(fd, buf, shorter(w, n));
}

ssize_t
__read_chk(int fd, void *buf, size_t n, size_t buflen)
{
	if (n > buflen)
		abort();
	return read(fd, buf, n);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	int w = on_fd(C_PREAD, fd);
	REAL(ssize_t, pread, (int, void *, size_t, off_t));

	FAIL(w);
	return real_pread(fd, buf, shorter(w, n), off);
}

ssize_t
pread64(int fd, void *buf, size_t n, off64_t off)
{
	int w = on_fd(C_PREAD, fd);
	REAL(ssize_t, pread64, (int, void *, size_t, off64_t));

	FAIL(w);
	return real_pread64(fd, buf, shorter(w, n), off);
}

ssize_t
__pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen)
{
	if (n > buflen)
		abort();
	return pread(fd, buf, n, off);
}

ssize_t
__pread64_chk(int fd, void *buf, size_t n, off64_t off, size_t buflen)
{
	if (n > buflen)
		abort();
	return pread64(fd, buf, n, off);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	int w = on_fd(C_WRITE, fd);
	REAL(ssize_t, write, (int, const void *, size_t));

	FAIL(w);
	return real_write(fd, buf, shorter(w, n));
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	int w = on_fd(C_PWRITE, fd);
	REAL(ssize_t, pwrite, (int, const void *, size_t, off_t));

	FAIL(w);
	return real_pwrite(fd, buf, shorter(w, n), off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	int w = on_fd(C_PWRITE, fd);
	REAL(ssize_t, pwrite64, (int, const void *, size_t, off64_t));

	FAIL(w);
	return real_pwrite64(fd, buf, shorter(w, n), off);
}

int
fsync(int fd)
{
	REAL(int, fsync, (int));

	FAIL(on_fd(C_FSYNC, fd));
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	REAL(int, fdatasync, (int));

	FAIL(on_fd(C_FDATASYNC, fd));
	return real_fdatasync(fd);
}

int
ftruncate(int fd, off_t len)
{
	REAL(int, ftruncate, (int, off_t));

	FAIL(on_fd(C_FTRUNCATE, fd));
	return real_ftruncate(fd, len);
}

int
ftruncate64(int fd, off64_t len)
{
	REAL(int, ftruncate64, (int, off64_t));

	FAIL(on_fd(C_FTRUNCATE, fd));
	return real_ftruncate64(fd, len);
}

int
rename(const char *from, const char *to)
{
	REAL(int, rename, (const char *, const char *));

	FAIL(on_path(C_RENAME, AT_FDCWD, from, 0));
	return real_rename(from, to);
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	REAL(int, renameat, (int, const char *, int, const char *));

	FAIL(on_path(C_RENAME, fromfd, from, 0));
	return real_renameat(fromfd, from, tofd, to);
}

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned flags)
{
	REAL(int, renameat2, (int, const char *, int, const char *,
	    unsigned));

	FAIL(on_path(C_RENAME, fromfd, from, 0));
	return real_renameat2(fromfd, from, tofd, to, flags);
}

int
unlink(const char *path)
{
	REAL(int, unlink, (const char *));

	FAIL(on_path(C_UNLINK, AT_FDCWD, path, 0));
	return real_unlink(path);
}

int
unlinkat(int dirfd, const char *path, int flags)
{
	REAL(int, unlinkat, (int, const char *, int));

	FAIL(on_path(C_UNLINK, dirfd, path, 0));
	return real_unlinkat(dirfd, path, flags);
}

int
close(int fd)
{
	int w = on_fd(C_CLOSE, fd), r;
	REAL(int, close, (int));

	/* Linux releases the descriptor whatever close returns */
	r = real_close(fd);
	FAIL(w);
	return r;
}

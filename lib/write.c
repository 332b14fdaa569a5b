/*
 * write.c: records out, one compact line each.
 *
 * stdout is fully buffered for speed; the reader flushes it before it
 * waits for input (read.c), and rec_exit() checks the final flush and
 * close, so a full disk is an error and not a silent loss.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "khobor.h"

#define FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

/* The reader went away: end now and quietly, as a filter killed by
 * SIGPIPE does, even if SIGPIPE was ignored when we were started. */
static _Noreturn void
pipe_closed(void)
{
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	_exit(KH_EXIT_ERROR);
}

static _Noreturn void
write_failed(void)
{
	if (errno == EPIPE)
		pipe_closed();
	kh_die("write error on standard output:");
}

void
rec_write_raw(const char *s, size_t len)
{
	if (fwrite(s, 1, len, stdout) != len || putchar('\n') == EOF)
		write_failed();
}

void
rec_write(struct json_object *rec)
{
	const char *s;
	size_t len;

	s = json_object_to_json_string_length(rec, FLAGS, &len);
	if (s == NULL)
		kh_die("cannot serialise a record: out of memory");
	rec_write_raw(s, len);
}

void
rec_flush(void)
{
	if (fflush(stdout) == EOF)
		write_failed();
}

/* Called once at the end: what is still buffered must reach its file. */
void
rec_close(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		write_failed();
	if (fclose(stdout) == EOF) {
		if (errno == EPIPE)
			pipe_closed();
		kh_die("closing standard output:");
	}
}

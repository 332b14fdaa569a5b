/*
 * resolve.c: --resolve HOST:PORT:ADDRESS, curl's option: connections to
 * HOST on PORT go to ADDRESS, whatever DNS says, and the request still
 * names HOST.  The tests give many names to one local server this way.
 *
 * The entries go to libcurl as CURLOPT_RESOLVE, but a `*' entry is
 * written out here for the one host of each transfer, and only for a
 * host name: libcurl would take `*' for an address in a URL too, and a
 * redirect to http://169.254.169.254/ must go where it says (and meet
 * the address rules of sched.c), not to ADDRESS.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "fetch.h"

static struct curl_slist *names;	/* HOST:PORT:ADDRESS as given */
static struct curl_slist *any;		/* PORT:ADDRESS of the `*' ones */

static struct curl_slist *
append(struct curl_slist *l, const char *s)
{
	struct curl_slist *n = curl_slist_append(l, s);

	if (n == NULL)
		kh_die("out of memory");
	return n;
}

/* One address of the list: IPv4, or IPv6 with or without brackets. */
static int
address_ok(const char *s, size_t n)
{
	unsigned char buf[sizeof(struct in6_addr)];
	char a[INET6_ADDRSTRLEN + 2];

	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
		if (n == 0 || n >= sizeof(a))
			return 0;
		memcpy(a, s, n);
		a[n] = '\0';
		return inet_pton(AF_INET6, a, buf) == 1;
	}
	if (n == 0 || n >= sizeof(a))
		return 0;
	memcpy(a, s, n);
	a[n] = '\0';
	return inet_pton(AF_INET, a, buf) == 1 ||
	    inet_pton(AF_INET6, a, buf) == 1;
}

void
resolve_add(const char *arg)
{
	const char *port, *addr, *p, *comma;
	char *end;
	long n;

	port = strchr(arg, ':');
	if (port == NULL || port == arg || memchr(arg, '/', port - arg) != NULL)
		goto bad;
	port++;
	if (*port < '0' || *port > '9')
		goto bad;
	n = strtol(port, &end, 10);
	if (*end != ':' || n < 1 || n > 65535)
		goto bad;
	addr = end + 1;
	for (p = addr;; p = comma + 1) {
		comma = strchr(p, ',');
		if (!address_ok(p, comma != NULL ? (size_t)(comma - p) :
		    strlen(p)))
			goto bad;
		if (comma == NULL)
			break;
	}
	if (port - arg == 2 && *arg == '*')
		any = append(any, port);
	else
		names = append(names, arg);
	return;
bad:
	kh_die("--resolve: not HOST:PORT:ADDRESS[,ADDRESS...]: %s", arg);
}

/* An address written in a URL, as url_split() keys it: "[::1]" or
 * dotted IPv4 (libcurl writes other IPv4 forms out so). */
static int
is_address(const char *host, size_t n)
{
	unsigned char buf[sizeof(struct in_addr)];
	char a[INET_ADDRSTRLEN];

	if (n > 0 && host[0] == '[')
		return 1;
	if (n >= sizeof(a))
		return 0;
	memcpy(a, host, n);
	a[n] = '\0';
	return inet_pton(AF_INET, a, buf) == 1;
}

struct curl_slist *
resolve_for(const char *key)
{
	struct curl_slist *l = NULL, *s;
	const char *host, *colon;
	size_t hn, pn;
	char e[1024];

	if ((names == NULL && any == NULL) ||
	    (host = strstr(key, "://")) == NULL)
		return NULL;
	host += 3;
	if ((colon = strrchr(host, ':')) == NULL)
		return NULL;
	hn = colon - host;
	pn = strlen(colon + 1);
	/* The named entries last: for libcurl a later one wins, and a name
	 * given is worth more than `*'. */
	for (s = any; s != NULL && !is_address(host, hn); s = s->next)
		if (strncmp(s->data, colon + 1, pn) == 0 &&
		    s->data[pn] == ':') {
			snprintf(e, sizeof(e), "%.*s:%s", (int)hn, host,
			    s->data);
			l = append(l, e);
			break;
		}
	for (s = names; s != NULL; s = s->next)
		l = append(l, s->data);
	return l;
}

void
resolve_free(void)
{
	curl_slist_free_all(names);
	curl_slist_free_all(any);
	names = any = NULL;
}

/* The addresses a live workshop shows participants: the one of the
 * interface that holds the default route first, so that the address on
 * the projector is the one phones on the same network can reach. */
#define _DEFAULT_SOURCE 1
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "yardstick/alloc.h"
#include "yardstick/live.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

bool ys_live_default_iface(const char *text, char *iface, size_t n)
{
	const char *line = text;

	/* Iface Destination Gateway Flags ...; the first line is a header. */
	while (line && *line) {
		const char *nl = strchr(line, '\n');
		char name[64], dest[16];
		unsigned flags;

		if (sscanf(line, "%63s %15s %*s %x", name, dest, &flags) == 3 &&
		    !strcmp(dest, "00000000") && (flags & 1)) {
			snprintf(iface, n, "%s", name);
			return true;
		}
		line = nl ? nl + 1 : NULL;
	}
	return false;
}

static bool wildcard(const char *a)
{
	return !a || !strcmp(a, "0.0.0.0") || !strcmp(a, "::") || !*a;
}

struct list {
	char **v;
	size_t n, cap;
};

static bool add(struct list *l, const char *a)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], a))
			return true;
	if (!YS_GROW(l->v, l->cap, l->n + 1))
		return false;
	if (!(l->v[l->n] = ys_strdup(a)))
		return false;
	l->n++;
	return true;
}

bool ys_live_addresses_of(const struct ifaddrs *ifs, const char *def,
			  char ***out, size_t *n)
{
	struct list l = {0};
	const struct ifaddrs *it;
	char text[INET6_ADDRSTRLEN];
	bool ok = true;
	int pass;

	*out = NULL;
	*n = 0;
	if (!def)
		def = "";
	/* Pass 0: IPv4 of the default route's interface; 1: other IPv4;
	 * 2: global IPv6; 3: loopback. */
	for (pass = 0; pass < 4 && ok; pass++) {
		for (it = ifs; it && ok; it = it->ifa_next) {
			const struct sockaddr *sa = it->ifa_addr;
			bool loop = (it->ifa_flags & IFF_LOOPBACK) != 0;

			if (!sa || !(it->ifa_flags & IFF_UP))
				continue;
			if (sa->sa_family == AF_INET) {
				const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;

				if ((pass == 0 && (loop || strcmp(it->ifa_name, def))) ||
				    (pass == 1 && (loop || !strcmp(it->ifa_name, def))) ||
				    pass == 2 || (pass == 3 && !loop))
					continue;
				inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
			} else if (sa->sa_family == AF_INET6 && pass == 2 && !loop) {
				const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;

				if (IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr))
					continue;
				inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text));
			} else {
				continue;
			}
			ok = add(&l, text);
		}
	}
	if (ok && !l.n)
		ok = add(&l, "127.0.0.1");
	if (!ok) {
		ys_strv_free(l.v, l.n);
		return false;
	}
	*out = l.v;
	*n = l.n;
	return true;
}

bool ys_live_addresses(const char *bind, char ***out, size_t *n)
{
	struct ifaddrs *ifs = NULL;
	char def[64] = "", buf[4096];
	bool ok;

	*out = NULL;
	*n = 0;
	if (!wildcard(bind)) {
		struct list l = {0};

		if (!add(&l, bind)) {
			ys_strv_free(l.v, l.n);
			return false;
		}
		*out = l.v;
		*n = l.n;
		return true;
	}
	{
		FILE *f = fopen("/proc/net/route", "r");

		if (f) {
			size_t got = fread(buf, 1, sizeof(buf) - 1, f);

			buf[got] = '\0';
			fclose(f);
			ys_live_default_iface(buf, def, sizeof(def));
		}
	}
	if (getifaddrs(&ifs) != 0)
		ifs = NULL;
	ok = ys_live_addresses_of(ifs, def, out, n);
	if (ifs)
		freeifaddrs(ifs);
	return ok;
}

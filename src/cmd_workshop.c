/* yardstick workshop: a facilitator runs the assessment with a group;
 * every participant votes on each question (DESIGN section 7). The
 * screens and the answers file are the interview's, in workshop mode. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"
#include "yardstick/alloc.h"
#include "yardstick/catalog.h"
#include "yardstick/common.h"
#include "yardstick/text.h"


static void usage(FILE *out)
{
	fprintf(out, "Usage: yardstick workshop [OPTIONS]\n"
	      "Run an assessment with a group: each participant votes on every question,\n"
	      "the votes stay hidden until revealed, and the group agrees an answer.\n"
	      "Every vote is saved as it is recorded; run the same command with -o FILE\n"
	      "to resume (a file from 'yardstick merge' opens with its votes in).\n\n"
	      "Options:\n"
	      "  -q, --questionnaire Q   questionnaire file or id (default:\n"
	      "                          " YS_DEFAULT_QUESTIONNAIRE "; resuming: the\n"
	      "                          one the answers file names); a file is\n"
	      "                          recorded in the answers file\n"
	      "  -o, --output FILE       answers file; an existing one is resumed\n"
	      "                          (default: workshop-YYYY-MM-DD.yaml, new)\n"
	      "  -p, --participant NAME  a participant, initials are fine (repeatable);\n"
	      "                          when resuming, names not in the file are added\n"
	      "      --org NAME          the organisation assessed (when resuming a file\n"
	      "                          for another, asked before it is changed)\n"
	      "      --target PROFILE    the questionnaire's target profile to compare with\n"
	      "      --timebox MINUTES   time box per area, shown counting down\n"
	      "      --participants FILE the participants, one name per line (up to "
	      "%d with --live)\n"
	      "      --live [ADDR:]PORT  participants vote from their own phones and laptops:\n"
	      "                          serve the voting page on PORT (every address of this\n"
	      "                          computer, or ADDR only) for as long as the workshop runs\n"
	      "      --tls-cert FILE     with --tls-key FILE: serve the page over HTTPS\n"
	      "  -h, --help              show this help\n\n"
	      "Keys: 1-9, d, x record the marked participant's vote, Backspace takes it\n"
	      "back, v reveals; then Enter accepts the proposed answer or 1-9, d, x\n"
	      "choose another, n adds a dissent note, p parks, r reviews, q saves and\n"
	      "quits, F1 all keys. Live: J shows the join screen (QR code), L frees the\n"
	      "marked participant's name, V after the reveal starts a second round.\n\n"
	      "Exit status: 0 done, 64 usage or no terminal, 65 invalid content,\n"
	      "66 input missing, 69 the live page cannot be served (port in use),\n"
	      "73 answers file read-only or folder not writable, 74 answers could\n"
	      "not be saved, 75 answers file in use by another yardstick.\n",
	      YS_LIVE_MAX_PARTICIPANTS);
}

/* A name without the spaces around it; the caller frees it (NULL when out
 * of memory). */
static char *trimmed(const char *s)
{
	const char *e = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return ys_strndup(s, (size_t)(e - s));
}

/* Checks the participants: none blank, none with a comma (the start
 * screen separates names with commas), none given twice. Returns 0 or the
 * exit code after saying why. */
static int check_participants(const cli_interactive *o)
{
	char **t = ys_calloc(o->n_participants + 1, sizeof(*t));
	size_t i, j;
	int rc = 0;

	if (!t)
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	for (i = 0; i < o->n_participants && !rc; i++) {
		if (!(t[i] = trimmed(o->participants[i]))) {
			rc = cli_error(YS_EX_SOFTWARE, "out of memory");
			break;
		}
		if (!t[i][0])
			rc = cli_usage_error("workshop", "a participant's name is blank");
		else if (strchr(t[i], ','))
			rc = cli_usage_error("workshop",
					     "participant '%s' has a comma in the name; give one name per -p",
					     t[i]);
		for (j = 0; j < i && !rc; j++)
			if (ys_name_equal(t[i], t[j]))
				rc = cli_usage_error("workshop",
						     "participant '%s' is named twice; give each a different name",
						     t[i]);
	}
	ys_strv_free(t, o->n_participants);
	return rc;
}

static int parse_timebox(const char *arg, unsigned *out)
{
	if (!ys_timebox_parse(arg, out))
		return cli_usage_error("workshop",
				       "--timebox takes whole minutes, 0 to %d (got '%s')",
				       YS_TIMEBOX_MAX, arg);
	return 0;
}

/* What --participants and the TLS options read: kept until the
 * workshop ends, since the options point into them. */
struct files {
	char *participants;
	char *cert, *key;
};

/* Reads a whole file of at most max bytes; NULL with a message printed
 * (the exit code in *rc) when it cannot. */
static char *slurp(const char *path, size_t max, const char *what, int *rc)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		*rc = cli_error(YS_EX_NOINPUT, "cannot read %s %s: %s", what, path, strerror(errno));
		return NULL;
	}
	buf = ys_malloc(max + 1);
	if (!buf) {
		fclose(f);
		*rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		return NULL;
	}
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		*rc = cli_error(YS_EX_NOINPUT, "cannot read %s %s: %s", what, path, strerror(errno));
		n = 0;
		ys_free(buf);
		buf = NULL;
	} else if (n > max) {
		*rc = cli_error(YS_EX_DATAERR, "%s: %s is larger than %zu bytes", path, what, max);
		ys_free(buf);
		buf = NULL;
	} else {
		buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

/* A positioned error in the participants file; returns 65. */
static int line_error(const char *path, size_t line, size_t col, const char *fmt, const char *arg)
{
	fputs("yardstick: ", stderr);
	ys_fputs_safe(path, stderr, 0);
	fprintf(stderr, ":%zu:%zu: error: ", line, col);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return YS_EX_DATAERR;
}

/* Reads --participants FILE: one name per line, blank lines ignored,
 * spaces around a name dropped. Names point into *buf. Returns 0 or the
 * exit code after a positioned message. */
static int read_participants(const char *path, char **buf, cli_interactive *o)
{
	size_t line = 0, max = o->live ? YS_LIVE_MAX_PARTICIPANTS : YS_MAX_NAMES;
	char *p, *next;
	int rc = 0;

	*buf = slurp(path, 256 * 1024, "the participants file", &rc);
	if (!*buf)
		return rc;
	for (p = *buf; *p; p = next) {
		char *e = strchr(p, '\n'), *s = p, *t;
		size_t i, col;

		line++;
		next = e ? e + 1 : p + strlen(p);
		if (e)
			*e = '\0';
		t = p + strlen(p);
		if (t > p && t[-1] == '\r')
			*--t = '\0';
		if (!ys_utf8_valid(p, (size_t)(t - p)))
			return line_error(path, line, 1, "%sthe line is not valid UTF-8 text", "");
		for (i = 0; p[i]; i++)
			if ((unsigned char)p[i] < 0x20 && p[i] != '\t')
				return line_error(path, line, i + 1, "%sa control character in a name", "");
		while (*s == ' ' || *s == '\t')
			s++;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
			*--t = '\0';
		if (!*s)
			continue;
		col = (size_t)(s - p) + 1;
		if (strchr(s, ','))
			return line_error(path, line, col + (size_t)(strchr(s, ',') - s),
					  "'%s' has a comma; give one name per line", s);
		if (strlen(s) > 64)
			return line_error(path, line, col, "%sthe name is longer than 64 bytes", "");
		for (i = 0; i < o->n_participants; i++)
			if (ys_name_equal(o->participants[i], s))
				return line_error(path, line, col, "'%s' is named twice; give each participant a different name", s);
		if (o->n_participants == max)
			return line_error(path, line, col, o->live ?
					  "%smore than 500 participants" :
					  "%smore than 64 participants (a live workshop, --live, takes up to 500)", "");
		o->participants[o->n_participants++] = s;
	}
	return 0;
}

static int parse(int argc, char **argv, cli_interactive *o, struct files *fl)
{
	static const struct option longopts[] = {
		{"questionnaire", required_argument, NULL, 'q'},
		{"output", required_argument, NULL, 'o'},
		{"participant", required_argument, NULL, 'p'},
		{"org", required_argument, NULL, 'O'},
		{"target", required_argument, NULL, 'T'},
		{"timebox", required_argument, NULL, 'B'},
		{"participants", required_argument, NULL, 'P'},
		{"live", required_argument, NULL, 'L'},
		{"tls-cert", required_argument, NULL, 'C'},
		{"tls-key", required_argument, NULL, 'K'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *pfile = NULL, *cert = NULL, *key = NULL;
	char *addr = NULL, err[256];
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "q:o:p:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			o->questionnaire = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			if (o->n_participants == YS_MAX_NAMES)
				return cli_usage_error("workshop", "too many participants (at most %d)",
						       YS_MAX_NAMES);
			o->participants[o->n_participants++] = optarg;
			break;
		case 'O':
			o->org = optarg;
			break;
		case 'T':
			o->target = optarg;
			break;
		case 'B':
			rc = parse_timebox(optarg, &o->timebox);
			if (rc)
				return rc;
			break;
		case 'P':
			pfile = optarg;
			break;
		case 'L':
			ys_free(addr);
			if (!ys_live_parse_listen(optarg, &addr, &o->live_port, err, sizeof(err)))
				return cli_usage_error("workshop", "%s", err);
			o->live = true;
			o->live_addr = addr;
			break;
		case 'C':
			cert = optarg;
			break;
		case 'K':
			key = optarg;
			break;
		case 'h':
			usage(stdout);
			return -1;
		default:
			return cli_usage_error("workshop", "invalid option");
		}
	}
	if (optind < argc)
		return cli_usage_error("workshop",
				       "unexpected argument '%s' (use -o FILE to name the answers file)",
				       argv[optind]);
	if ((cert || key) && !o->live)
		return cli_usage_error("workshop", "--tls-cert and --tls-key serve the live page: give --live too");
	if (!cert != !key)
		return cli_usage_error("workshop", "HTTPS needs both --tls-cert FILE and --tls-key FILE");
	if (pfile && (rc = read_participants(pfile, &fl->participants, o)))
		return rc;
	if (cert) {
		if (!(fl->cert = slurp(cert, 64 * 1024, "the TLS certificate", &rc)) ||
		    !(fl->key = slurp(key, 64 * 1024, "the TLS key", &rc)))
			return rc;
		o->tls_cert = fl->cert;
		o->tls_key = fl->key;
	}
	return check_participants(o);
}

int cmd_workshop(int argc, char **argv)
{
	cli_interactive o;
	struct files fl = {0};
	int rc;

	memset(&o, 0, sizeof(o));
	o.workshop = true;
	rc = parse(argc, argv, &o, &fl);
	if (!rc)
		rc = cli_interactive_run(&o);
	else if (rc < 0)
		rc = 0;
	ys_free((void *)(uintptr_t)o.live_addr);
	ys_free(fl.participants);
	if (fl.key)
		memset(fl.key, 0, strlen(fl.key));
	ys_free(fl.cert);
	ys_free(fl.key);
	return rc;
}

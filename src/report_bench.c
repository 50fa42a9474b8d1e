/* Benchmark of many organisations' assessments of one questionnaire
 * (yardstick benchmark): per area the distribution of levels and the
 * median and quartiles of maturity and of the practice score, and where
 * one organisation sits.
 *
 * Only numbers are kept: an area's maturity and level per organisation. No
 * name, note or other free text from an answers file reaches the output;
 * the only text shown comes from the questionnaire. An area assessed by
 * fewer than YS_BENCH_MIN_ORGS organisations is not shown.
 *
 * Quartiles: linear interpolation between order statistics (Hyndman and
 * Fan type 7): for sorted x[0..n) and p in [0, 1], h = (n - 1) p and
 * Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * Percentile of the highlighted organisation: the percentage of
 * organisations with a lower maturity plus half of those with the same
 * maturity (the mid-rank percentile), rounded down. Maturity figures are
 * shown as everywhere else: one decimal, rounded down. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/bench.h"
#include "yardstick/strbuf.h"
#include "yardstick/strset.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

typedef struct dvec {
	double *v;
	size_t n, cap;
	bool sorted;
} dvec;

typedef struct bench_area {
	dvec maturity;          /* assessed organisations' exact maturity */
	dvec practice;          /* and their exact practice scores */
	size_t *levels;         /* n_levels counts */
	size_t not_assessed;    /* not assessed or not applicable */
} bench_area;

typedef struct hl_area {
	bool assessed;
	int level;
	double maturity;
	double practice;
} hl_area;

/* One organisation's numbers, kept until the benchmark is written so that
 * a more recent assessment of it can take their place: per area its level
 * (-1 when not assessed), maturity and practice score, then the overall
 * maturity and practice score. */
typedef struct bench_org {
	char *key;              /* see org_key(); NULL: never matched */
	char *updated;          /* of the assessment kept; NULL when unknown */
	size_t id;              /* the caller's id of the assessment kept */
	bool assessed;          /* overall */
	double *v;              /* 3 * n_areas + 2 values */
} bench_org;

struct ys_bench {
	const ys_questionnaire *q;
	bench_org *orgs;        /* in the order first seen */
	size_t n_orgs, cap_orgs;
	ys_index by_key;        /* orgs by key */
	size_t n_files;         /* assessments given */
	bool tallied;           /* areas and overall match orgs */
	/* Tallied from orgs before writing: */
	bench_area *areas;
	dvec overall;           /* overall maturity of each organisation */
	dvec overall_practice;  /* overall practice score of each organisation */
	bool has_hl;
	hl_area *hl;
	bool hl_assessed;
	double hl_overall;
	double hl_overall_practice;
	bool ascii;             /* text in strict ASCII */
};

void ys_bench_set_ascii(ys_bench *b, bool ascii)
{
	b->ascii = ascii;
}

static bool dvec_push(dvec *d, double x)
{
	if (!YS_GROW(d->v, d->cap, d->n + 1))
		return false;
	d->v[d->n++] = x;
	d->sorted = false;
	return true;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void dvec_sort(dvec *d)
{
	if (!d->sorted && d->n)
		qsort(d->v, d->n, sizeof(*d->v), cmp_double);
	d->sorted = true;
}

ys_bench *ys_bench_new(const ys_questionnaire *q)
{
	ys_bench *b = ys_calloc(1, sizeof(*b));
	size_t i;

	if (!b)
		return NULL;
	b->q = q;
	b->areas = ys_calloc(q->n_areas ? q->n_areas : 1, sizeof(*b->areas));
	b->hl = ys_calloc(q->n_areas ? q->n_areas : 1, sizeof(*b->hl));
	if (!b->areas || !b->hl) {
		ys_bench_free(b);
		return NULL;
	}
	for (i = 0; i < q->n_areas; i++) {
		b->areas[i].levels = ys_calloc(q->n_levels, sizeof(size_t));
		if (!b->areas[i].levels) {
			ys_bench_free(b);
			return NULL;
		}
	}
	return b;
}

void ys_bench_free(ys_bench *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n_orgs; i++) {
		ys_free(b->orgs[i].key);
		ys_free(b->orgs[i].updated);
		ys_free(b->orgs[i].v);
	}
	ys_free(b->orgs);
	ys_index_free(&b->by_key);
	for (i = 0; b->areas && i < b->q->n_areas; i++) {
		ys_free(b->areas[i].maturity.v);
		ys_free(b->areas[i].practice.v);
		ys_free(b->areas[i].levels);
	}
	ys_free(b->areas);
	ys_free(b->hl);
	ys_free(b->overall.v);
	ys_free(b->overall_practice.v);
	ys_free(b);
}

/* The key two assessments of one organisation share: ys_org_key() of its
 * name ("Anytown Borough Council" and "anytown  borough council" are one
 * organisation). Without
 * a name, the created and updated times (after a byte no name holds), so
 * that only copies of the same file match. NULL when there is neither, or
 * out of memory (*oom set). The caller frees the key. */
static char *org_key(const char *org, const char *created,
		     const char *updated, bool *oom)
{
	char *key;

	*oom = false;
	if (ys_str_blank(org)) {
		ys_sb sb = {0};

		if (!created || !updated)
			return NULL;
		ys_sb_printf(&sb, "\001%s %s", created, updated);
		if (sb.oom) {
			ys_sb_free(&sb);
			*oom = true;
			return NULL;
		}
		return sb.buf;
	}
	key = ys_org_key(org);
	*oom = !key;
	return key;
}

static bool org_has_key(const void *ctx, size_t i, const void *key)
{
	const bench_org *orgs = ctx;

	return orgs[i].key && !strcmp(orgs[i].key, key);
}

/* Copies s's numbers into o->v (allocated when NULL). */
static bool org_set_values(bench_org *o, const ys_questionnaire *q,
			   const ys_score *s)
{
	size_t i;

	if (!o->v && !(o->v = ys_calloc(3 * q->n_areas + 2, sizeof(double))))
		return false;
	for (i = 0; i < q->n_areas; i++) {
		const ys_area_score *as = i < s->n_areas ? &s->areas[i] : NULL;
		bool ok = as && as->state == YS_AREA_ASSESSED && as->level >= 0 &&
			  (size_t)as->level < q->n_levels;

		o->v[3 * i] = ok ? as->level : -1;
		o->v[3 * i + 1] = ok ? as->maturity : 0.0;
		o->v[3 * i + 2] = ok ? as->practice : 0.0;
	}
	o->assessed = s->assessed;
	o->v[3 * q->n_areas] = s->maturity;
	o->v[3 * q->n_areas + 1] = s->practice;
	return true;
}

ys_bench_added ys_bench_add_assessment(ys_bench *b, const char *org,
				       const char *created, const char *updated,
				       size_t id, const ys_score *s,
				       size_t *other)
{
	bench_org *o, fresh = {0};
	uint64_t h = 0;
	size_t k = YS_INDEX_NONE;
	bool oom;
	int cmp;

	fresh.key = org_key(org, created, updated, &oom);
	if (oom)
		return YS_BENCH_NOMEM;
	if (fresh.key) {
		h = ys_hash_str(fresh.key);
		k = ys_index_find(&b->by_key, h, org_has_key, b->orgs, fresh.key);
	}
	if (k != YS_INDEX_NONE) {
		ys_free(fresh.key);
		o = &b->orgs[k];
		if (other)
			*other = o->id;
		/* RFC 3339 UTC times, all in one form, compare as text. */
		cmp = !updated ? -1 : !o->updated ? 1 : strcmp(updated, o->updated);
		if (cmp <= 0) {
			b->n_files++;
			return cmp < 0 ? YS_BENCH_OLDER : YS_BENCH_REPEAT;
		}
		fresh.updated = ys_strdup(updated);
		if (!fresh.updated || !org_set_values(o, b->q, s)) {
			ys_free(fresh.updated);
			return YS_BENCH_NOMEM;
		}
		ys_free(o->updated);
		o->updated = fresh.updated;
		o->id = id;
		b->n_files++;
		b->tallied = false;
		return YS_BENCH_REPLACED;
	}
	if ((updated && !(fresh.updated = ys_strdup(updated))) ||
	    !org_set_values(&fresh, b->q, s) ||
	    !YS_GROW(b->orgs, b->cap_orgs, b->n_orgs + 1) ||
	    (fresh.key && ys_index_add(&b->by_key, h, b->n_orgs, org_has_key,
				       b->orgs, fresh.key, NULL) != 1)) {
		ys_free(fresh.key);
		ys_free(fresh.updated);
		ys_free(fresh.v);
		return YS_BENCH_NOMEM;
	}
	fresh.id = id;
	b->orgs[b->n_orgs++] = fresh;
	b->n_files++;
	b->tallied = false;
	return YS_BENCH_COUNTED;
}

bool ys_bench_add(ys_bench *b, const ys_score *s)
{
	return ys_bench_add_assessment(b, NULL, NULL, NULL, b->n_files, s,
				       NULL) != YS_BENCH_NOMEM;
}

/* Builds the per-area and overall figures from the organisations kept.
 * Returns false when out of memory (and tallies again next time). */
static bool tally(ys_bench *b)
{
	const ys_questionnaire *q = b->q;
	size_t i, k;

	if (b->tallied)
		return true;
	for (i = 0; i < q->n_areas; i++) {
		bench_area *ba = &b->areas[i];

		ba->maturity.n = ba->practice.n = 0;
		ba->maturity.sorted = ba->practice.sorted = false;
		ba->not_assessed = 0;
		memset(ba->levels, 0, q->n_levels * sizeof(*ba->levels));
	}
	b->overall.n = b->overall_practice.n = 0;
	b->overall.sorted = b->overall_practice.sorted = false;
	for (k = 0; k < b->n_orgs; k++) {
		const bench_org *o = &b->orgs[k];

		for (i = 0; i < q->n_areas; i++) {
			bench_area *ba = &b->areas[i];
			double level = o->v[3 * i];

			if (level < 0) {
				ba->not_assessed++;
				continue;
			}
			if (!dvec_push(&ba->maturity, o->v[3 * i + 1]) ||
			    !dvec_push(&ba->practice, o->v[3 * i + 2]))
				return false;
			ba->levels[(size_t)level]++;
		}
		if (o->assessed &&
		    (!dvec_push(&b->overall, o->v[3 * q->n_areas]) ||
		     !dvec_push(&b->overall_practice, o->v[3 * q->n_areas + 1])))
			return false;
	}
	b->tallied = true;
	return true;
}

bool ys_bench_highlight(ys_bench *b, const ys_score *s)
{
	size_t i;

	for (i = 0; i < b->q->n_areas; i++) {
		const ys_area_score *as = i < s->n_areas ? &s->areas[i] : NULL;

		b->hl[i].assessed = as && as->state == YS_AREA_ASSESSED;
		b->hl[i].level = as ? as->level : -1;
		b->hl[i].maturity = as ? as->maturity : 0.0;
		b->hl[i].practice = as ? as->practice : 0.0;
	}
	b->hl_assessed = s->assessed;
	b->hl_overall = s->maturity;
	b->hl_overall_practice = s->practice;
	b->has_hl = true;
	return true;
}

size_t ys_bench_count(const ys_bench *b)
{
	return b->n_orgs;
}

size_t ys_bench_files(const ys_bench *b)
{
	return b->n_files;
}

double ys_quantile7(const double *x, size_t n, double p)
{
	double h, f;
	size_t lo;

	if (n == 1 || p <= 0.0)
		return x[0];
	if (p >= 1.0)
		return x[n - 1];
	h = (double)(n - 1) * p;
	f = floor(h);
	lo = (size_t)f;
	if (lo + 1 >= n)
		return x[n - 1];
	return x[lo] + (h - f) * (x[lo + 1] - x[lo]);
}

/* Mid-rank percentile of x among the sorted values, rounded down. */
static long percentile(const dvec *d, double x)
{
	size_t i, below = 0, equal = 0;

	for (i = 0; i < d->n; i++) {
		if (d->v[i] < x)
			below++;
		else if (d->v[i] == x)
			equal++;
	}
	if (!d->n)
		return 0;
	return ys_round_down(100.0 * ((double)below + 0.5 * (double)equal) /
			     (double)d->n);
}

typedef struct stats {
	double q1, median, q3;
} stats;

static stats stats_of(dvec *d)
{
	stats s = {0, 0, 0};

	dvec_sort(d);
	if (!d->n)
		return s;
	s.q1 = ys_quantile7(d->v, d->n, 0.25);
	s.median = ys_quantile7(d->v, d->n, 0.5);
	s.q3 = ys_quantile7(d->v, d->n, 0.75);
	return s;
}

static bool shown(const dvec *d)
{
	return d->n >= YS_BENCH_MIN_ORGS;
}

static const char not_shown[] = "fewer than 5 organisations: not shown";
static const char method[] = "Quartiles and medians use linear "
	"interpolation between order statistics (Hyndman and Fan type 7, "
	"as R's default and numpy's \"linear\"). A percentile is the share "
	"of organisations with a lower maturity plus half of those with the "
	"same maturity, rounded down. Maturity is shown with one decimal, "
	"rounded down, as on the scorecard. Areas assessed by fewer than 5 organisations are not "
	"shown.";

/* ---- text ---- */

static void text_area(ys_tw *t, ys_bench *b, size_t i)
{
	const ys_questionnaire *q = b->q;
	bench_area *ba = &b->areas[i];
	char *title = ys_tw_plain(t, q->areas[i].title);
	ys_sb lv = {0};
	char m1[YS_FIGURE_BUF], m2[YS_FIGURE_BUF], m3[YS_FIGURE_BUF];
	stats st;
	size_t k;

	if (!title)
		return;
	fputc('\n', t->out);
	ys_tw_paraf(t, "", "", "%s (%zu of %zu organisations assessed)",
		    title, ba->maturity.n, b->n_orgs);
	ys_free(title);
	if (!shown(&ba->maturity)) {
		ys_tw_para(t, "  ", "  ", not_shown);
		return;
	}
	st = stats_of(&ba->maturity);
	for (k = 0; k < q->n_levels; k++)
		ys_sb_printf(&lv, "%s%zu: %zu", k ? ", " : "", k, ba->levels[k]);
	if (lv.oom) {
		t->oom = true;
		ys_sb_free(&lv);
		return;
	}
	ys_tw_paraf(t, "  Levels:   ", "            ", "%s", lv.buf);
	ys_sb_free(&lv);
	ys_tw_paraf(t, "  Maturity: ", "            ", "lower quartile %s, "
		    "median %s, upper quartile %s",
		    ys_maturity_str(st.q1, m1), ys_maturity_str(st.median, m2),
		    ys_maturity_str(st.q3, m3));
	st = stats_of(&ba->practice);
	ys_tw_paraf(t, "  Practice: ", "            ", "lower quartile %ld, "
		    "median %ld, upper quartile %ld", ys_practice_shown(st.q1),
		    ys_practice_shown(st.median), ys_practice_shown(st.q3));
	if (!b->has_hl)
		return;
	if (b->hl[i].assessed)
		ys_tw_paraf(t, "  Yours:    ", "            ", "maturity %s, "
			    "level %d %s, percentile %ld; practice score %ld, "
			    "percentile %ld",
			    ys_maturity_str(b->hl[i].maturity, m1),
			    b->hl[i].level, ys_level_name(q, b->hl[i].level),
			    percentile(&ba->maturity, b->hl[i].maturity),
			    ys_practice_shown(b->hl[i].practice),
			    percentile(&ba->practice, b->hl[i].practice));
	else
		ys_tw_para(t, "  Yours:    ", "            ", "not assessed");
}

static int write_text(ys_bench *b, size_t width, FILE *out)
{
	const ys_questionnaire *q = b->q;
	ys_tw t = {0};
	char *title;
	size_t i;

	t.out = out;
	t.width = ys_report_width(width);
	t.ascii = b->ascii;
	title = ys_tw_plain(&t, q->title);
	if (!title)
		return ENOMEM;
	ys_tw_paraf(&t, "", "", "Benchmark: %s", title);
	for (i = 0; i < ys_tw_width(title) + 11 && i < t.width; i++)
		fputc('=', out);
	fputs("\n\n", out);
	ys_free(title);
	ys_tw_paraf(&t, "Questionnaire:  ", "                ", "%s, version %s",
		    q->title, q->version);
	if (b->n_files > b->n_orgs) {
		size_t aside = b->n_files - b->n_orgs;

		ys_tw_paraf(&t, "Organisations:  ", "                ",
			    "%zu (%zu files: %zu set aside as %s)", b->n_orgs,
			    b->n_files, aside, aside == 1 ?
			    "an older assessment of the same organisation or a repeat" :
			    "older assessments of the same organisation or repeats");
	} else {
		ys_tw_paraf(&t, "Organisations:  ", "                ", "%zu", b->n_orgs);
	}
	ys_tw_heading(&t, "OVERALL");
	if (shown(&b->overall)) {
		stats st = stats_of(&b->overall);
		char m1[YS_FIGURE_BUF], m2[YS_FIGURE_BUF], m3[YS_FIGURE_BUF];

		ys_tw_paraf(&t, "", "", "Maturity: lower quartile %s, median "
			    "%s, upper quartile %s (%zu organisations with an "
			    "assessed area).", ys_maturity_str(st.q1, m1),
			    ys_maturity_str(st.median, m2),
			    ys_maturity_str(st.q3, m3), b->overall.n);
		st = stats_of(&b->overall_practice);
		ys_tw_paraf(&t, "", "", "Practice score: lower quartile %ld, "
			    "median %ld, upper quartile %ld.",
			    ys_practice_shown(st.q1),
			    ys_practice_shown(st.median),
			    ys_practice_shown(st.q3));
		if (b->has_hl && b->hl_assessed)
			ys_tw_paraf(&t, "", "", "Yours: maturity %s, percentile "
				    "%ld; practice score %ld, percentile %ld.",
				    ys_maturity_str(b->hl_overall, m1),
				    percentile(&b->overall, b->hl_overall),
				    ys_practice_shown(b->hl_overall_practice),
				    percentile(&b->overall_practice,
					       b->hl_overall_practice));
	} else {
		ys_tw_para(&t, "", "", not_shown);
	}
	ys_tw_heading(&t, "AREAS");
	for (i = 0; i < q->n_areas; i++)
		text_area(&t, b, i);
	ys_tw_heading(&t, "METHOD");
	ys_tw_para(&t, "", "", method);
	return t.oom ? ENOMEM : ys_report_status(out);
}

/* ---- CSV ---- */

static void csv_num(FILE *out, double x)
{
	char buf[32];

	fputs(ys_format_exact(x, buf), out);
}

/* A CSV cell of questionnaire text: quoted, quotes doubled, with a
 * leading apostrophe before = + - @ tab or CR; unsafe code points and
 * control characters replaced. */
static bool csv_text(FILE *out, const char *s)
{
	char *c = ys_sanitize(s, strlen(s), 0);
	const char *p;

	if (!c)
		return false;
	fputc('"', out);
	if (c[0] && strchr("=+-@\t\r", c[0]))
		fputc('\'', out);
	for (p = c; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
	ys_free(c);
	return true;
}

/* "Q1,M,Q3," of d, exact. */
static void csv_quartiles(FILE *out, dvec *d)
{
	stats st = stats_of(d);

	csv_num(out, st.q1);
	fputc(',', out);
	csv_num(out, st.median);
	fputc(',', out);
	csv_num(out, st.q3);
	fputc(',', out);
}

static bool csv_row(FILE *out, ys_bench *b, const char *id, const char *title,
		    dvec *d, dvec *pd, const size_t *levels, bool hl,
		    bool hl_assessed, int hl_level, double hl_maturity,
		    double hl_practice)
{
	const ys_questionnaire *q = b->q;
	size_t k;

	fprintf(out, "%s,", id);
	if (!csv_text(out, title))
		return false;
	fprintf(out, ",%zu,%s,", d->n, shown(d) ? "yes" : "no");
	for (k = 0; k < q->n_levels; k++) {
		if (shown(d) && levels)
			fprintf(out, "%zu", levels[k]);
		fputc(',', out);
	}
	if (shown(d)) {
		csv_quartiles(out, d);
		csv_quartiles(out, pd);
	} else {
		fputs(",,,,,,", out);
	}
	if (hl && hl_assessed && shown(d)) {
		if (levels)
			fprintf(out, "%d", hl_level);
		fputc(',', out);
		csv_num(out, hl_maturity);
		fprintf(out, ",%ld,", percentile(d, hl_maturity));
		csv_num(out, hl_practice);
		fprintf(out, ",%ld", percentile(pd, hl_practice));
	} else {
		fputs(",,,,", out);
	}
	/* Files and those set aside: on the overall row only. */
	if (!levels)
		fprintf(out, ",%zu,%zu\r\n", b->n_files, b->n_files - b->n_orgs);
	else
		fputs(",,\r\n", out);
	return true;
}

static int write_csv(ys_bench *b, FILE *out)
{
	const ys_questionnaire *q = b->q;
	size_t i, k;

	/* A UTF-8 byte order mark first, as the scorecard's CSV. */
	fputs("\xEF\xBB\xBF" "area,title,organisations,shown", out);
	for (k = 0; k < q->n_levels; k++)
		fprintf(out, ",level_%zu", k);
	fputs(",q1,median,q3,practice_q1,practice_median,practice_q3,"
	      "highlight_level,highlight_maturity,highlight_percentile,"
	      "highlight_practice,highlight_practice_percentile,files,set_aside\r\n",
	      out);
	if (!csv_row(out, b, "(overall)", "Overall", &b->overall,
		     &b->overall_practice, NULL, b->has_hl, b->hl_assessed, -1,
		     b->hl_overall, b->hl_overall_practice))
		return ENOMEM;
	for (i = 0; i < q->n_areas; i++)
		if (!csv_row(out, b, q->areas[i].id, q->areas[i].title,
			     &b->areas[i].maturity, &b->areas[i].practice,
			     b->areas[i].levels, b->has_hl, b->hl[i].assessed,
			     b->hl[i].level, b->hl[i].maturity,
			     b->hl[i].practice))
			return ENOMEM;
	return ys_report_status(out);
}

/* ---- JSON ---- */

/* "q1": Q1, "median": M, "q3": Q3 of d, exact. */
static void json_quartiles(FILE *out, dvec *d)
{
	stats st = stats_of(d);

	fputs("\"q1\": ", out);
	ys_json_exact(out, st.q1);
	fputs(", \"median\": ", out);
	ys_json_exact(out, st.median);
	fputs(", \"q3\": ", out);
	ys_json_exact(out, st.q3);
}

/* Maturity quartiles as "q1", "median", "q3", then the practice score's
 * as "practice": {"q1", "median", "q3"}; null when not shown. */
static void json_stats(FILE *out, dvec *d, dvec *pd)
{
	if (!shown(d)) {
		fputs("\"q1\": null, \"median\": null, \"q3\": null, "
		      "\"practice\": null", out);
		return;
	}
	json_quartiles(out, d);
	fputs(", \"practice\": {", out);
	json_quartiles(out, pd);
	fputc('}', out);
}

static int write_json(ys_bench *b, FILE *out)
{
	const ys_questionnaire *q = b->q;
	size_t i, k;

	fputs("{\n  \"format\": \"yardstick-benchmark/2\",\n"
	      "  \"questionnaire\": {\"id\": ", out);
	ys_json_str(out, q->id);
	fputs(", \"version\": ", out);
	ys_json_str(out, q->version);
	fputs(", \"title\": ", out);
	ys_json_str(out, q->title);
	fputs("},\n  \"levels\": [", out);
	for (i = 0; i < q->n_levels; i++) {
		if (i)
			fputs(", ", out);
		ys_json_str(out, q->levels[i].name);
	}
	fprintf(out, "],\n  \"organisations\": %zu,\n  \"files\": %zu,\n"
		"  \"set_aside\": %zu,\n  \"min_organisations\": %d,\n"
		"  \"quantile_method\": \"type 7 (linear interpolation between "
		"order statistics)\",\n  \"overall_maturity\": {\"organisations\": %zu, "
		"\"shown\": %s, ", b->n_orgs, b->n_files, b->n_files - b->n_orgs,
		YS_BENCH_MIN_ORGS, b->overall.n,
		shown(&b->overall) ? "true" : "false");
	json_stats(out, &b->overall, &b->overall_practice);
	fputs("},\n  \"areas\": [", out);
	for (i = 0; i < q->n_areas; i++) {
		bench_area *ba = &b->areas[i];

		fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		ys_json_str(out, q->areas[i].id);
		fputs(", \"title\": ", out);
		ys_json_str(out, q->areas[i].title);
		fprintf(out, ", \"organisations\": %zu, \"not_assessed\": %zu, "
			"\"shown\": %s,\n     \"levels\": ", ba->maturity.n,
			ba->not_assessed, shown(&ba->maturity) ? "true" : "false");
		if (shown(&ba->maturity)) {
			fputc('[', out);
			for (k = 0; k < q->n_levels; k++)
				fprintf(out, "%s%zu", k ? ", " : "", ba->levels[k]);
			fputs("], ", out);
		} else {
			fputs("null, ", out);
		}
		json_stats(out, &ba->maturity, &ba->practice);
		fputc('}', out);
	}
	fputs(q->n_areas ? "\n  ],\n  \"highlight\": " : "],\n  \"highlight\": ",
	      out);
	if (!b->has_hl) {
		fputs("null\n}\n", out);
		return ys_report_status(out);
	}
	fputs("{\n    \"overall_maturity\": ", out);
	if (b->hl_assessed && shown(&b->overall)) {
		fputs("{\"maturity\": ", out);
		ys_json_exact(out, b->hl_overall);
		fprintf(out, ", \"percentile\": %ld, \"practice_score\": ",
			percentile(&b->overall, b->hl_overall));
		ys_json_exact(out, b->hl_overall_practice);
		fprintf(out, ", \"practice_percentile\": %ld}",
			percentile(&b->overall_practice, b->hl_overall_practice));
	} else {
		fputs("null", out);
	}
	fputs(",\n    \"areas\": [", out);
	for (i = 0; i < q->n_areas; i++) {
		fputs(i ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
		ys_json_str(out, q->areas[i].id);
		if (b->hl[i].assessed) {
			bool sh = shown(&b->areas[i].maturity);

			fprintf(out, ", \"level\": %d, \"maturity\": ", b->hl[i].level);
			ys_json_exact(out, b->hl[i].maturity);
			fputs(", \"percentile\": ", out);
			if (sh)
				fprintf(out, "%ld", percentile(&b->areas[i].maturity,
							       b->hl[i].maturity));
			else
				fputs("null", out);
			fputs(", \"practice_score\": ", out);
			ys_json_exact(out, b->hl[i].practice);
			fputs(", \"practice_percentile\": ", out);
			if (sh)
				fprintf(out, "%ld}", percentile(&b->areas[i].practice,
								b->hl[i].practice));
			else
				fputs("null}", out);
		} else {
			fputs(", \"level\": null, \"maturity\": null, "
			      "\"percentile\": null, \"practice_score\": null, "
			      "\"practice_percentile\": null}", out);
		}
	}
	fputs(q->n_areas ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n", out);
	return ys_report_status(out);
}

int ys_bench_write(ys_bench *b, ys_bench_format f, size_t width, FILE *out)
{
	if (!tally(b))
		return ENOMEM;
	switch (f) {
	case YS_BENCH_CSV:
		return write_csv(b, out);
	case YS_BENCH_JSON:
		return write_json(b, out);
	case YS_BENCH_TEXT:
	default:
		return write_text(b, width, out);
	}
}

/*
 * model_lanes.c - the lanes under a touchpoint card: names, lists, KPIs,
 * the one-line KPI form, and the field checks of every lane.
 */
#include "model.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "util.h"

/* --- names ----------------------------------------------------------- */

static const struct {
	const char *key, *title;
} model_lanes[MOT_LANE_COUNT] = {
	{ "thinking", "Thinking and feeling" },
	{ "pains", "Pain points" },
	{ "opportunities", "Opportunities" },
	{ "backstage", "Backstage" },
	{ "evidence", "Evidence" },
	{ "kpis", "KPIs" },
};

const char *model_lane_key(enum mot_lane l)
{
	return (unsigned)l < MOT_LANE_COUNT ? model_lanes[l].key : "?";
}

const char *model_lane_title(enum mot_lane l)
{
	return (unsigned)l < MOT_LANE_COUNT ? model_lanes[l].title : "?";
}

int model_lane_parse(const char *s)
{
	for (int i = 0; s && i < MOT_LANE_COUNT; i++)
		if (strcmp(s, model_lanes[i].key) == 0)
			return i;
	return -1;
}

const struct mot_list *model_lane_list_const(const struct mot_touchpoint *tp,
					     enum mot_lane l)
{
	switch (l) {
	case MOT_LANE_PAINS: return &tp->pains;
	case MOT_LANE_OPPORTUNITIES: return &tp->opportunities;
	case MOT_LANE_EVIDENCE: return &tp->evidence;
	default: return NULL;
	}
}

struct mot_list *model_lane_list(struct mot_touchpoint *tp, enum mot_lane l)
{
	return (struct mot_list *)model_lane_list_const(tp, l);
}

bool model_lane_filled(const struct mot_touchpoint *tp, enum mot_lane l)
{
	const struct mot_list *list = model_lane_list_const(tp, l);

	if (list)
		return list->n > 0;
	switch (l) {
	case MOT_LANE_THINKING: return tp->thinking && *tp->thinking;
	case MOT_LANE_BACKSTAGE: return tp->backstage && *tp->backstage;
	case MOT_LANE_KPIS: return tp->n_kpis > 0;
	default: return false;
	}
}

/* --- lists ----------------------------------------------------------- */

void model_list_add(struct mot_list *l, const char *item)
{
	l->items = xrealloc(l->items, (l->n + 1) * sizeof *l->items);
	l->items[l->n++] = xstrdup(item ? item : "");
}

void model_list_free(struct mot_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void model_list_copy(struct mot_list *dst, const struct mot_list *src)
{
	dst->n = src->n;
	dst->items = src->n ? xcalloc(src->n, sizeof *dst->items) : NULL;
	for (size_t i = 0; i < src->n; i++)
		dst->items[i] = xstrdup(src->items[i]);
}

bool model_list_equal(const struct mot_list *a, const struct mot_list *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!util_streq(a->items[i], b->items[i]))
			return false;
	return true;
}

/* --- KPIs ------------------------------------------------------------ */

void model_kpi_init(struct mot_kpi *k)
{
	memset(k, 0, sizeof *k);
}

void model_kpi_free(struct mot_kpi *k)
{
	free(k->name);
	free(k->unit);
	model_kpi_init(k);
}

void model_kpi_copy(struct mot_kpi *dst, const struct mot_kpi *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->unit = xstrdup(src->unit);
}

void model_kpi_add(struct mot_touchpoint *tp, const struct mot_kpi *k)
{
	tp->kpis = xrealloc(tp->kpis, (tp->n_kpis + 1) * sizeof *tp->kpis);
	model_kpi_copy(&tp->kpis[tp->n_kpis++], k);
}

bool model_kpi_missed(const struct mot_kpi *k)
{
	if (!k->has_target)
		return false;
	return k->lower_better ? k->value > k->target : k->value < k->target;
}

static bool model_kpi_equal(const struct mot_kpi *a, const struct mot_kpi *b)
{
	return util_streq(a->name, b->name) && a->value == b->value &&
	       a->has_target == b->has_target &&
	       (!a->has_target || a->target == b->target) &&
	       util_streq(a->unit, b->unit) && a->lower_better == b->lower_better;
}

/* NULL and "" are the same absent text. */
static bool model_text_same(const char *a, const char *b)
{
	return util_streq(a && *a ? a : NULL, b && *b ? b : NULL);
}

bool model_kpis_equal(const struct mot_touchpoint *a,
		      const struct mot_touchpoint *b)
{
	if (a->n_kpis != b->n_kpis)
		return false;
	for (size_t i = 0; i < a->n_kpis; i++)
		if (!model_kpi_equal(&a->kpis[i], &b->kpis[i]))
			return false;
	return true;
}

bool model_lanes_equal(const struct mot_touchpoint *a,
		       const struct mot_touchpoint *b)
{
	return model_text_same(a->thinking, b->thinking) &&
	       model_text_same(a->backstage, b->backstage) &&
	       model_list_equal(&a->pains, &b->pains) &&
	       model_list_equal(&a->opportunities, &b->opportunities) &&
	       model_list_equal(&a->evidence, &b->evidence) &&
	       model_kpis_equal(a, b);
}

void model_lanes_free(struct mot_touchpoint *tp)
{
	free(tp->thinking);
	free(tp->backstage);
	model_list_free(&tp->pains);
	model_list_free(&tp->opportunities);
	model_list_free(&tp->evidence);
	for (size_t i = 0; i < tp->n_kpis; i++)
		model_kpi_free(&tp->kpis[i]);
	free(tp->kpis);
	tp->thinking = tp->backstage = NULL;
	tp->kpis = NULL;
	tp->n_kpis = 0;
}

void model_lanes_copy(struct mot_touchpoint *dst,
		      const struct mot_touchpoint *src)
{
	dst->thinking = xstrdup(src->thinking);
	dst->backstage = xstrdup(src->backstage);
	model_list_copy(&dst->pains, &src->pains);
	model_list_copy(&dst->opportunities, &src->opportunities);
	model_list_copy(&dst->evidence, &src->evidence);
	dst->kpis = src->n_kpis ? xcalloc(src->n_kpis, sizeof *dst->kpis) : NULL;
	for (size_t i = 0; i < src->n_kpis; i++)
		model_kpi_copy(&dst->kpis[i], &src->kpis[i]);
}

/* --- the one-line KPI form --------------------------------------------- */

/* Numbers in this form never follow the user's LC_NUMERIC. */
struct model_c_locale {
	locale_t c, old;
};

static void model_c_enter(struct model_c_locale *l)
{
	l->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	l->old = l->c ? uselocale(l->c) : (locale_t)0;
}

static void model_c_leave(struct model_c_locale *l)
{
	if (l->c) {
		uselocale(l->old);
		freelocale(l->c);
	}
}

static void model_kpi_put_escaped(struct strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|' || *s == '\\')
			strbuf_add(b, "\\", 1);
		strbuf_add(b, s, 1);
	}
}

char *model_kpi_format(const struct mot_kpi *k)
{
	struct model_c_locale loc;
	struct strbuf b;
	char num[40];
	bool unit = k->unit && *k->unit;

	strbuf_init(&b);
	model_c_enter(&loc);
	model_kpi_put_escaped(&b, k->name);
	strbuf_printf(&b, " | %s", model_format_number(k->value, num, sizeof num));
	if (k->has_target || unit || k->lower_better)
		strbuf_printf(&b, " |%s%s", k->has_target ? " " : "",
			      k->has_target ? model_format_number(k->target,
						num, sizeof num) : "");
	if (unit || k->lower_better) {
		strbuf_puts(&b, unit ? " | " : " |");
		model_kpi_put_escaped(&b, k->unit);
	}
	if (k->lower_better)
		strbuf_puts(&b, " | lower");
	model_c_leave(&loc);
	if (!b.s)
		strbuf_add(&b, "", 0);
	return strbuf_detach(&b);
}

#define MODEL_KPI_PARTS 5

/* s without the blanks around it, in place. */
static char *model_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* Split at unescaped '|' into trimmed, unescaped parts; their count, or
 * MODEL_KPI_PARTS + 1 when there are too many. */
static size_t model_kpi_split(const char *line, char *parts[MODEL_KPI_PARTS])
{
	struct strbuf cur;
	size_t n = 0;

	strbuf_init(&cur);
	strbuf_add(&cur, "", 0);
	for (const char *p = line;; p++) {
		if (*p == '\\' && (p[1] == '|' || p[1] == '\\')) {
			strbuf_add(&cur, ++p, 1);
			continue;
		}
		if (*p != '|' && *p != '\0') {
			strbuf_add(&cur, p, 1);
			continue;
		}
		if (n == MODEL_KPI_PARTS) {
			while (n > 0)
				free(parts[--n]);
			strbuf_free(&cur);
			return MODEL_KPI_PARTS + 1;
		}
		parts[n++] = xstrdup(model_trim(cur.s));
		cur.len = 0;
		cur.s[0] = '\0';
		if (*p == '\0')
			break;
	}
	strbuf_free(&cur);
	return n;
}

/* A number as a person types it ("3.9", "3,9", "-12", "1e3"). */
static bool model_kpi_number(const char *s, double *out)
{
	struct model_c_locale loc;
	char buf[64], *end;
	double v;

	if (!*s || strlen(s) >= sizeof buf)
		return false;
	snprintf(buf, sizeof buf, "%s", s);
	if (!strchr(buf, '.') && strchr(buf, ',') == strrchr(buf, ','))
		for (char *p = buf; *p; p++)
			if (*p == ',')
				*p = '.';
	model_c_enter(&loc);
	errno = 0;
	v = strtod(buf, &end);
	model_c_leave(&loc);
	if (end == buf || *end != '\0' || errno == ERANGE || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static int model_kpi_fill(char *parts[], size_t n, struct mot_kpi *k,
			  char *err, size_t errlen)
{
	if (!*parts[0]) {
		snprintf(err, errlen, "a KPI needs a name before the first '|'");
		return -1;
	}
	k->name = xstrdup(parts[0]);
	if (n < 2 || !model_kpi_number(parts[1], &k->value)) {
		snprintf(err, errlen, "KPI '%.40s': the value after the first "
			 "'|' must be a number", parts[0]);
		return -1;
	}
	if (n > 2 && *parts[2]) {
		if (!model_kpi_number(parts[2], &k->target)) {
			snprintf(err, errlen, "KPI '%.40s': the target after "
				 "the second '|' must be a number or empty",
				 parts[0]);
			return -1;
		}
		k->has_target = true;
	}
	if (n > 3 && *parts[3])
		k->unit = xstrdup(parts[3]);
	if (n > 4 && *parts[4]) {
		if (strcmp(parts[4], "lower") != 0 &&
		    strcmp(parts[4], "higher") != 0) {
			snprintf(err, errlen, "KPI '%.40s': the last part must "
				 "be 'lower' or 'higher' (which is better)",
				 parts[0]);
			return -1;
		}
		k->lower_better = strcmp(parts[4], "lower") == 0;
	}
	return 0;
}

int model_kpi_parse(const char *line, struct mot_kpi *out, char *err,
		    size_t errlen)
{
	char *parts[MODEL_KPI_PARTS];
	size_t n = model_kpi_split(line ? line : "", parts);
	int rc;

	model_kpi_init(out);
	if (n > MODEL_KPI_PARTS) {
		snprintf(err, errlen, "a KPI has at most %d parts: name | value "
			 "| target | unit | lower (write \\| for a '|' in a "
			 "name)", MODEL_KPI_PARTS);
		return -1;
	}
	rc = model_kpi_fill(parts, n, out, err, errlen);
	for (size_t i = 0; i < n; i++)
		free(parts[i]);
	if (rc != 0)
		model_kpi_free(out);
	return rc;
}

/* --- checks ---------------------------------------------------------- */

#define ERR(d, ...) model_diag_add((d), MOT_ERROR, __VA_ARGS__)

/* Text of a lane: model_text_ok's rules, and maybe required. */
static void model_check_lane_text(struct mot_diags *d, const char *path,
				  const char *s, size_t max, bool multiline,
				  bool required)
{
	char why[96];

	if (required && util_str_empty(s))
		ERR(d, path, "must not be empty");
	else if (!model_text_ok(s, max, multiline, why, sizeof why))
		ERR(d, path, "%s", why);
}

static void model_check_list(struct mot_diags *d, size_t i, const char *lane,
			     const struct mot_list *l)
{
	char path[96];

	if (l->n > MOT_LIST_MAX) {
		snprintf(path, sizeof path, "touchpoints[%zu].%s", i, lane);
		ERR(d, path, "%zu items: at most %d", l->n, MOT_LIST_MAX);
	}
	for (size_t k = 0; k < l->n; k++) {
		snprintf(path, sizeof path, "touchpoints[%zu].%s[%zu]", i, lane, k);
		model_check_lane_text(d, path, l->items[k], MOT_ITEM_MAX, false,
				      true);
	}
}

static void model_check_kpi(struct mot_diags *d, size_t i, size_t k,
			    const struct mot_touchpoint *tp)
{
	const struct mot_kpi *kpi = &tp->kpis[k];
	char path[96], num[32];

#define KPATH(f) (snprintf(path, sizeof path, "touchpoints[%zu].kpis[%zu].%s", \
			   i, k, f), path)
	model_check_lane_text(d, KPATH("name"), kpi->name, MOT_ITEM_MAX, false,
			      true);
	model_check_lane_text(d, KPATH("unit"), kpi->unit, MOT_ITEM_MAX, false,
			      false);
	/* the value as typed (%g would print 1000000000001 as 1e+12) */
	if (!isfinite(kpi->value) || fabs(kpi->value) > MOT_KPI_ABS_MAX)
		ERR(d, KPATH("value"), "%s is out of range: must be a number "
		    "from -%g to %g", model_format_number(kpi->value, num,
		    sizeof num), MOT_KPI_ABS_MAX, MOT_KPI_ABS_MAX);
	if (kpi->has_target && (!isfinite(kpi->target) ||
				fabs(kpi->target) > MOT_KPI_ABS_MAX))
		ERR(d, KPATH("target"), "%s is out of range: must be a number "
		    "from -%g to %g", model_format_number(kpi->target, num,
		    sizeof num), MOT_KPI_ABS_MAX, MOT_KPI_ABS_MAX);
	/* Two figures under one name would make the lane ambiguous. */
	for (size_t m = 0; m < k && kpi->name; m++)
		if (util_streq(tp->kpis[m].name, kpi->name)) {
			ERR(d, KPATH("name"), "duplicate KPI '%.40s' (also "
			    "kpis[%zu])", kpi->name, m);
			break;
		}
#undef KPATH
}

void model_check_lanes(const struct mot_touchpoint *tp, size_t i,
		       struct mot_diags *d)
{
	char path[96];

	snprintf(path, sizeof path, "touchpoints[%zu].thinking", i);
	model_check_lane_text(d, path, tp->thinking, MOT_TEXT_MAX, true, false);
	snprintf(path, sizeof path, "touchpoints[%zu].backstage", i);
	model_check_lane_text(d, path, tp->backstage, MOT_TEXT_MAX, true, false);
	model_check_list(d, i, "pains", &tp->pains);
	model_check_list(d, i, "opportunities", &tp->opportunities);
	model_check_list(d, i, "evidence", &tp->evidence);
	if (tp->n_kpis > MOT_KPIS_MAX) {
		snprintf(path, sizeof path, "touchpoints[%zu].kpis", i);
		ERR(d, path, "%zu KPIs: at most %d", tp->n_kpis, MOT_KPIS_MAX);
	}
	for (size_t k = 0; k < tp->n_kpis; k++)
		model_check_kpi(d, i, k, tp);
}

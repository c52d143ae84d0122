/*
 * workshop_write.c - results written out exactly as `mot simulate`
 * writes them (and an unpaired comparison, which it cannot make).
 */
#include "workshop.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "workshop_int.h"

/* The report as `mot simulate` makes it for these settings. */
struct ws_report {
	struct sim_options opt;
	struct sim_run run;
	struct sim_report rp;
};

static void ws_report_init(struct ws_report *w, const struct ws_outcome *o,
			   const struct mot_journey *j)
{
	ws_sim_options(&o->set, &w->opt);
	sim_run_init(&w->run);
	w->run.customers = o->set.customers;
	w->run.seed = o->set.seed;
	w->rp.j = j;
	w->rp.opt = &w->opt;
	w->rp.run = &w->run;
	w->rp.sets = NULL;
	w->rp.n_sets = 0;
}

/* As rep_num in src/sim/sim_report.c. */
static void ws_num(FILE *out, double v)
{
	char buf[40];

	fputs(isfinite(v) ? model_format_number(v, buf, sizeof buf) : "null",
	      out);
}

static double ws_nan_div(double a, double b)
{
	return b != 0 ? a / b : NAN;
}

static double ws_mean_visits(const struct sim_result *r, size_t i)
{
	return ws_nan_div((double)r->visits[i], (double)r->customers);
}

/* One result as the JSON object sim_report_result writes, without its
 * newline. */
static void ws_json_result(FILE *out, const struct sim_report *rp,
			   const struct sim_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m) {
		fputs("null", out);
		return;
	}
	sim_report_result(m, SIM_FMT_JSON, rp, r);
	if (fclose(m) != 0 || !buf) {
		free(buf);
		fputs("null", out);
		return;
	}
	fwrite(buf, 1, len && buf[len - 1] == '\n' ? len - 1 : len, out);
	free(buf);
}

static void ws_unpaired_json(FILE *out, const struct ws_outcome *o,
			     const struct sim_report *rb,
			     const struct sim_report *rs)
{
	double d, lo, hi;

	ws_unpaired_diff(&o->base, &o->res, &d, &lo, &hi);
	fputs("{\"baseline\":", out);
	ws_json_result(out, rb, &o->base);
	fputs(",\"scenario\":", out);
	ws_json_result(out, rs, &o->res);
	fputs(",\"difference\":{\"paired\":false,\"conversion_rate\":", out);
	ws_num(out, d);
	fputs(",\"conversion_ci95\":[", out);
	ws_num(out, lo);
	fputc(',', out);
	ws_num(out, hi);
	fputs("]}}\n", out);
}

/* Visits per customer of the touchpoints of both journeys, the current
 * one's first: the baseline's index (or -1) for each, in *ib, *is. */
static size_t ws_union(const struct ws_outcome *o, long **ib, long **is)
{
	size_t nb = o->base_j.n_touchpoints, ns = o->j.n_touchpoints, n = 0;
	struct ws_key *kb = ws_tp_index(&o->base_j), *ks = ws_tp_index(&o->j);

	*ib = xcalloc(nb + ns + 1, sizeof **ib);
	*is = xcalloc(nb + ns + 1, sizeof **is);
	for (size_t i = 0; i < ns; i++, n++) {
		(*is)[n] = (long)i;
		(*ib)[n] = ws_tp_lookup(kb, nb, o->j.touchpoints[i].key);
	}
	for (size_t i = 0; i < nb; i++)
		if (ws_tp_lookup(ks, ns, o->base_j.touchpoints[i].key) < 0) {
			(*is)[n] = -1;
			(*ib)[n++] = (long)i;
		}
	free(kb);
	free(ks);
	return n;
}

static const char *ws_union_key(const struct ws_outcome *o, long b, long s)
{
	return s >= 0 ? o->j.touchpoints[s].key : o->base_j.touchpoints[b].key;
}

static void ws_unpaired_csv(FILE *out, const struct ws_outcome *o)
{
	double d, lo, hi;
	double rows[3][2] = {
		{ ws_nan_div((double)o->base.conversions, (double)o->base.customers),
		  ws_nan_div((double)o->res.conversions, (double)o->res.customers) },
		{ ws_nan_div((double)o->base.steps, (double)o->base.customers),
		  ws_nan_div((double)o->res.steps, (double)o->res.customers) },
		{ ws_nps(&o->base), ws_nps(&o->res) },
	};
	static const char *const names[3] = { "conversion_rate",
					       "steps_per_customer", "nps" };
	long *ib, *is;
	size_t n = ws_union(o, &ib, &is);

	ws_unpaired_diff(&o->base, &o->res, &d, &lo, &hi);
	fputs("metric,baseline,scenario,difference,ci95_low,ci95_high"
	      UTIL_CSV_EOL, out);
	for (int i = 0; i < 3; i++) {
		fprintf(out, "%s,", names[i]);
		ws_num(out, rows[i][0]);
		fputc(',', out);
		ws_num(out, rows[i][1]);
		fputc(',', out);
		ws_num(out, i == 0 ? d : rows[i][1] - rows[i][0]);
		fputc(',', out);
		if (i == 0) {
			ws_num(out, lo);
			fputc(',', out);
			ws_num(out, hi);
		} else {
			fputc(',', out);
		}
		fputs(UTIL_CSV_EOL, out);
	}
	for (size_t k = 0; k < n; k++) {
		double vb = ib[k] >= 0 ? ws_mean_visits(&o->base, (size_t)ib[k]) : 0;
		double vs = is[k] >= 0 ? ws_mean_visits(&o->res, (size_t)is[k]) : 0;

		fputs("mean_visits:", out);
		util_csv_field(out, ws_union_key(o, ib[k], is[k]));
		fputc(',', out);
		if (ib[k] >= 0)
			ws_num(out, vb);
		fputc(',', out);
		if (is[k] >= 0)
			ws_num(out, vs);
		fputc(',', out);
		if (ib[k] >= 0 && is[k] >= 0)
			ws_num(out, vs - vb);
		fputs(",," UTIL_CSV_EOL, out);
	}
	free(ib);
	free(is);
}

static void ws_unpaired_text_visits(FILE *out, const struct ws_outcome *o)
{
	long *ib, *is;
	size_t n = ws_union(o, &ib, &is);
	int w = 10;

	for (size_t k = 0; k < n; k++) {
		int len = (int)strlen(ws_union_key(o, ib[k], is[k]));
		w = len > w ? len : w;
	}
	w = w > 32 ? 32 : w;
	fprintf(out, "\nVisits per customer\n  %-*s %10s %10s %10s\n", w, "key",
		"baseline", "scenario", "change");
	for (size_t k = 0; k < n; k++) {
		char b[32] = "-", s[32] = "-", c[32] = "-";
		double vb = ib[k] >= 0 ? ws_mean_visits(&o->base, (size_t)ib[k]) : 0;
		double vs = is[k] >= 0 ? ws_mean_visits(&o->res, (size_t)is[k]) : 0;

		if (ib[k] >= 0)
			snprintf(b, sizeof b, "%.4f", vb);
		if (is[k] >= 0)
			snprintf(s, sizeof s, "%.4f", vs);
		if (ib[k] >= 0 && is[k] >= 0)
			snprintf(c, sizeof c, "%+.4f", vs - vb);
		fprintf(out, "  %-*.*s %10s %10s %10s\n", w, w,
			ws_union_key(o, ib[k], is[k]), b, s, c);
	}
	free(ib);
	free(is);
}

/* Laid out as sim_report_compare's text, saying the runs are apart. */
static void ws_unpaired_text(FILE *out, const struct ws_outcome *o)
{
	const struct sim_result *b = &o->base, *s = &o->res;
	double d, lo, hi;
	double sb = ws_nan_div((double)b->steps, (double)b->customers);
	double ss = ws_nan_div((double)s->steps, (double)s->customers);

	ws_unpaired_diff(b, s, &d, &lo, &hi);
	fprintf(out, "%s: %s\nBaseline against the scenario\n%s model, %llu "
		"customers each, seed %llu, independent runs (the journeys "
		"differ in their touchpoints)\n\n", o->base_j.key ?
		o->base_j.key : "", o->base_j.title ? o->base_j.title : "",
		o->set.plain ? "Plain" : "Full",
		(unsigned long long)b->customers,
		(unsigned long long)o->set.seed);
	fprintf(out, "  %-20s %10s %10s %10s\n", "", "baseline", "scenario",
		"change");
	fprintf(out, "  %-20s %9.2f%% %9.2f%% %+8.2fpp  (95%% CI %+.2f to "
		"%+.2f)\n", "conversion",
		100 * ws_nan_div((double)b->conversions, (double)b->customers),
		100 * ws_nan_div((double)s->conversions, (double)s->customers),
		100 * d, 100 * lo, 100 * hi);
	fprintf(out, "  %-20s %10.2f %10.2f %+10.2f\n", "steps per customer",
		sb, ss, ss - sb);
	fprintf(out, "  %-20s %+10.1f %+10.1f %+10.1f\n", "NPS", ws_nps(b),
		ws_nps(s), ws_nps(s) - ws_nps(b));
	ws_unpaired_text_visits(out, o);
}

static void ws_write_compare(FILE *out, enum sim_format f,
			     const struct ws_outcome *o)
{
	struct ws_report wb, ws;

	ws_report_init(&wb, o, &o->base_j);
	ws_report_init(&ws, o, &o->j);
	if (o->paired)
		sim_report_compare(out, f, &wb.rp, &o->j, &o->base, &o->res,
				   &o->pair);
	else if (f == SIM_FMT_JSON)
		ws_unpaired_json(out, o, &wb.rp, &ws.rp);
	else if (f == SIM_FMT_CSV)
		ws_unpaired_csv(out, o);
	else
		ws_unpaired_text(out, o);
}

int ws_write_outcome(FILE *out, enum sim_format f, const struct ws_outcome *o)
{
	struct ws_report w;

	if (!out || !o)
		return -1;
	if (o->kind == WS_JOB_MARKET) {
		struct sim_market mk;

		if (!o->days)
			return -1;
		memset(&mk, 0, sizeof mk);
		mk.people = o->set.market;
		mk.days = o->set.days;
		mk.p = o->set.p;
		mk.q = o->set.q;
		mk.qd = o->set.qd;
		mk.seed = o->set.seed;
		ws_report_init(&w, o, &o->j);
		sim_report_market(out, f, &w.rp, &mk, o->days);
	} else if (o->compared) {
		ws_write_compare(out, f, o);
	} else {
		ws_report_init(&w, o, &o->j);
		sim_report_result(out, f, &w.rp, &o->res);
	}
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}

char *ws_outcome_string(enum sim_format f, const struct ws_outcome *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	if (!m)
		return NULL;
	rc = ws_write_outcome(m, f, o);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

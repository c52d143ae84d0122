/*
 * sim_report.c - simulation and analysis results as text, JSON and CSV.
 *
 * Text is for people; JSON carries everything; CSV is the per-touchpoint
 * table (a spreadsheet's view), or the daily series for word of mouth.
 * Numbers in JSON and CSV are written the shortest way that reads back
 * exactly; a value that was not computed is null (JSON) or empty (CSV).
 */
#include "sim.h"
#include "util.h"

#include <math.h>
#include <string.h>

int sim_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return SIM_FMT_TEXT;
	if (strcmp(s, "json") == 0)
		return SIM_FMT_JSON;
	if (strcmp(s, "csv") == 0)
		return SIM_FMT_CSV;
	return -1;
}

/* --- writers ------------------------------------------------------------- */

static void rep_num(FILE *out, double v)
{
	char buf[40];

	if (!isfinite(v))
		fputs("null", out);
	else
		fputs(model_format_number(v, buf, sizeof buf), out);
}

/* Key and value: ,"key":value with the comma when not first. */
static void rep_jnum(FILE *out, const char *key, double v)
{
	fprintf(out, ",\"%s\":", key);
	rep_num(out, v);
}

static void rep_jpair(FILE *out, const char *key, double lo, double hi)
{
	fprintf(out, ",\"%s\":[", key);
	rep_num(out, lo);
	fputc(',', out);
	rep_num(out, hi);
	fputc(']', out);
}

static double rep_div(double a, double b)
{
	return b != 0 ? a / b : NAN;
}

static const char *const rep_end_names[SIM_END_COUNT] = {
	"drop", "exit", "patience", "cut",
};

/* Endings as a workshop reads them: the buyers, then the others by how
 * they ended (JSON keys, and the words of the text report). */
static const char *const rep_unbought_keys[SIM_END_COUNT] = {
	"left_without_buying", "exit_without_buying",
	"patience_without_buying", "cut_without_buying",
};
static const char *const rep_unbought_text[SIM_END_COUNT] = {
	"left without buying", "dead end without buying",
	"out of patience, not bought", "cut at the step limit",
};

/* --- the figures a report needs, from a result ------------------------- */

static double rep_removal(const struct sim_result *r, size_t i)
{
	return rep_div((double)r->conv_through[i], (double)r->conversions);
}

/* Emotion one point better: change in conversion and its 95% interval;
 * NaN when not computed (plain model, or already at +3). */
static double rep_emotion(const struct sim_report *rp,
			  const struct sim_result *r, size_t i, double *lo,
			  double *hi)
{
	struct sim_pair p = { r->emo_up[i], r->emo_down[i] };
	double d;

	*lo = *hi = NAN;
	if (r->impact_customers == 0 ||
	    rp->j->touchpoints[i].emotion >= MOT_EMOTION_MAX)
		return NAN;
	sim_pair_diff(&p, r->impact_customers, &d, lo, hi);
	return d;
}

static double rep_nps(uint64_t prom, uint64_t pas, uint64_t det)
{
	return rep_div(100.0 * ((double)prom - (double)det),
		       (double)(prom + pas + det));
}

static const char *rep_persona_key(const struct mot_journey *j, size_t k)
{
	return j->n_personas ? j->personas[k].key : "default";
}

/* --- simulate: JSON ---------------------------------------------------- */

static void rep_json_head(FILE *out, const struct sim_report *rp)
{
	fputs("\"journey\":", out);
	util_json_str(out, rp->j->key);
	fprintf(out, ",\"model\":\"%s\",\"persona\":",
		rp->opt->plain ? "plain" : "full");
	if (rp->opt->persona)
		util_json_str(out, rp->opt->persona);
	else
		fputs("null", out);
	fprintf(out, ",\"seed\":%llu,\"set\":[",
		(unsigned long long)rp->run->seed);
	for (size_t i = 0; i < rp->n_sets; i++) {
		if (i)
			fputc(',', out);
		util_json_str(out, rp->sets[i]);
	}
	fputc(']', out);
}

static void rep_json_summary(FILE *out, const struct sim_result *r)
{
	double lo, hi, n = (double)r->customers;

	sim_ci95(r->conversions, r->customers, &lo, &hi);
	fprintf(out, ",\"customers\":%llu,\"steps\":%llu",
		(unsigned long long)r->customers, (unsigned long long)r->steps);
	rep_jnum(out, "steps_per_customer", rep_div((double)r->steps, n));
	fprintf(out, ",\"conversions\":%llu", (unsigned long long)r->conversions);
	rep_jnum(out, "conversion_rate", rep_div((double)r->conversions, n));
	rep_jpair(out, "conversion_ci95", lo, hi);
	fputs(",\"ends\":{", out);
	for (int e = 0; e < SIM_END_COUNT; e++)
		fprintf(out, "%s\"%s\":%llu", e ? "," : "", rep_end_names[e],
			(unsigned long long)r->ends[e]);
	fputs("},\"ends_bought\":{", out);
	for (int e = 0; e < SIM_END_COUNT; e++)
		fprintf(out, "%s\"%s\":%llu", e ? "," : "", rep_end_names[e],
			(unsigned long long)r->ends_bought[e]);
	fprintf(out, "},\"endings\":{\"bought\":%llu",
		(unsigned long long)r->conversions);
	for (int e = 0; e < SIM_END_COUNT; e++)
		fprintf(out, ",\"%s\":%llu", rep_unbought_keys[e],
			(unsigned long long)(r->ends[e] - r->ends_bought[e]));
	fputs("},\"funnel\":[", out);
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		fprintf(out, "%s{\"stage\":\"%s\",\"customers\":%llu", s ? "," : "",
			model_stage_key(s), (unsigned long long)r->stage_reach[s]);
		rep_jnum(out, "share", rep_div((double)r->stage_reach[s], n));
		fputc('}', out);
	}
	fputc(']', out);
}

static void rep_json_touchpoint(FILE *out, const struct sim_report *rp,
				const struct sim_result *r, size_t i)
{
	const struct mot_touchpoint *tp = &rp->j->touchpoints[i];
	double mean, half, lo, hi, emo = rep_emotion(rp, r, i, &lo, &hi);

	sim_visits_mean(r, i, &mean, &half);
	fputs("{\"key\":", out);
	util_json_str(out, tp->key);
	fputs(",\"name\":", out);
	util_json_str(out, tp->name);
	fprintf(out, ",\"stage\":\"%s\",\"visits\":%llu",
		model_stage_key(tp->stage), (unsigned long long)r->visits[i]);
	rep_jnum(out, "mean_visits", mean);
	rep_jpair(out, "mean_visits_ci95", mean - half, mean + half);
	fprintf(out, ",\"drops\":%llu,\"exits\":%llu,\"patience_ends\":%llu,"
		"\"cuts\":%llu,\"customers_passing\":%llu",
		(unsigned long long)r->drop_ends[i],
		(unsigned long long)r->exits[i],
		(unsigned long long)r->patience_ends[i],
		(unsigned long long)r->cuts[i], (unsigned long long)r->reach[i]);
	rep_jnum(out, "share_passing", rep_div((double)r->reach[i],
					       (double)r->customers));
	rep_jnum(out, "removal_effect", rep_removal(r, i));
	rep_jnum(out, "emotion_effect", emo);
	rep_jpair(out, "emotion_effect_ci95", lo, hi);
	fputc('}', out);
}

static void rep_json_dist(FILE *out, const char *key, const uint64_t *hist,
			  uint64_t total, uint64_t sum, uint64_t max)
{
	fprintf(out, ",\"%s\":{", key);
	fputs("\"mean\":", out);
	rep_num(out, rep_div((double)sum, (double)total));
	fprintf(out, ",\"median\":%u,\"p90\":%u,\"max\":%llu}",
		sim_hist_quantile(hist, total, 0.5),
		sim_hist_quantile(hist, total, 0.9), (unsigned long long)max);
}

static void rep_json_paths(FILE *out, const struct sim_report *rp,
			   const struct sim_result *r)
{
	fputs(",\"top_paths\":[", out);
	for (size_t k = 0; k < r->n_top; k++) {
		const struct sim_path *p = &r->top[k];
		uint32_t shown = p->len < SIM_PATH_SHOW ? p->len : SIM_PATH_SHOW;

		fprintf(out, "%s{\"customers\":%llu", k ? "," : "",
			(unsigned long long)p->count);
		rep_jnum(out, "share", rep_div((double)p->count,
					       (double)r->customers));
		fprintf(out, ",\"length\":%u,\"end\":\"%s\",\"converted\":%s,"
			"\"truncated\":%s,\"path\":[", p->len,
			rep_end_names[p->end], p->converted ? "true" : "false",
			p->len > SIM_PATH_SHOW ? "true" : "false");
		for (uint32_t s = 0; s < shown; s++) {
			if (s)
				fputc(',', out);
			util_json_str(out, rp->j->touchpoints[p->nodes[s]].key);
		}
		fputs("]}", out);
	}
	fprintf(out, "],\"top_paths_pruned\":%s", r->paths_pruned ? "true" : "false");
}

static void rep_json_nps(FILE *out, const struct sim_report *rp,
			 const struct sim_result *r)
{
	uint64_t rated = r->promoters + r->passives + r->detractors;

	fprintf(out, ",\"nps\":{\"rated\":%llu,\"promoters\":%llu,"
		"\"passives\":%llu,\"detractors\":%llu",
		(unsigned long long)rated, (unsigned long long)r->promoters,
		(unsigned long long)r->passives,
		(unsigned long long)r->detractors);
	rep_jnum(out, "score", rep_nps(r->promoters, r->passives, r->detractors));
	fputs("},\"personas\":[", out);
	for (size_t k = 0; k < r->n_personas; k++) {
		const struct sim_persona_result *p = &r->personas[k];
		fputs(k ? ",{\"key\":" : "{\"key\":", out);
		util_json_str(out, rep_persona_key(rp->j, k));
		fprintf(out, ",\"customers\":%llu,\"conversions\":%llu",
			(unsigned long long)p->customers,
			(unsigned long long)p->conversions);
		rep_jnum(out, "conversion_rate", rep_div((double)p->conversions,
							 (double)p->customers));
		rep_jnum(out, "steps_per_customer", rep_div((double)p->steps,
							    (double)p->customers));
		rep_jnum(out, "nps", rep_nps(p->promoters, p->passives,
					     p->detractors));
		fputc('}', out);
	}
	fputc(']', out);
}

/* The whole result as one JSON object (no newline). */
static void rep_json_result(FILE *out, const struct sim_report *rp,
			    const struct sim_result *r)
{
	fputc('{', out);
	rep_json_head(out, rp);
	rep_json_summary(out, r);
	fputs(",\"touchpoints\":[", out);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputc(',', out);
		rep_json_touchpoint(out, rp, r, i);
	}
	fputc(']', out);
	rep_json_dist(out, "loops", r->loop_hist, r->customers, r->loop_sum,
		      r->loop_max);
	rep_json_dist(out, "path_length_to_conversion", r->conv_len_hist,
		      r->conversions, r->conv_len_sum, r->conv_len_max);
	rep_jnum(out, "dwell_minutes_to_conversion",
		 rep_div(r->conv_dwell_sum, (double)r->conversions));
	rep_json_paths(out, rp, r);
	rep_json_nps(out, rp, r);
	fprintf(out, ",\"emotion_effect_customers\":%llu}",
		(unsigned long long)r->impact_customers);
}

/* --- simulate: text ------------------------------------------------------ */

/*
 * The key column of a text table whose other columns take rest: as wide
 * as the longest key; within width columns (0: no limit) if the keys
 * allow, but never cut below REP_KEY_CUT, so that keys stay readable on
 * a narrow terminal (the line then wraps).
 */
#define REP_KEY_CUT 32

static int rep_key_width(const struct mot_journey *j, int width, int rest)
{
	int w = 10, room = width - 2 - rest;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		if ((int)strlen(j->touchpoints[i].key) > w)
			w = (int)strlen(j->touchpoints[i].key);
	if (width > 0 && w > room)
		w = room > REP_KEY_CUT ? room : w < REP_KEY_CUT ? w : REP_KEY_CUT;
	return w;
}

/* A share as "12.34%", or "-" when undefined. */
static const char *rep_pct(double v, char *buf, size_t len)
{
	if (!isfinite(v))
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.2f%%", 100 * v);
	return buf;
}

static void rep_text_head(FILE *out, const struct sim_report *rp,
			  const struct sim_result *r)
{
	char a[32], b[32], c[32];
	double lo, hi, n = (double)r->customers;

	fprintf(out, "%s: %s\n", rp->j->key, rp->j->title ? rp->j->title : "");
	fprintf(out, "Model: %s; personas: %s; seed %llu\n",
		rp->opt->plain ? "plain Markov chain" : "full (emotions, "
		"re-exposure, patience)", rp->opt->persona ? rp->opt->persona :
		"all, by share", (unsigned long long)rp->run->seed);
	for (size_t i = 0; i < rp->n_sets; i++)
		fprintf(out, "What-if: %s\n", rp->sets[i]);
	sim_ci95(r->conversions, r->customers, &lo, &hi);
	fprintf(out, "\nCustomers       %llu\n", (unsigned long long)r->customers);
	fprintf(out, "Customer-steps  %llu (%.2f per customer)\n",
		(unsigned long long)r->steps, rep_div((double)r->steps, n));
	fprintf(out, "Conversion      %s (95%% CI %s to %s)\n",
		rep_pct(rep_div((double)r->conversions, n), a, sizeof a),
		rep_pct(lo, b, sizeof b), rep_pct(hi, c, sizeof c));
	fprintf(out, "\nHow walks ended (each customer once; they add up to "
		"100%%)\n  %-28s %8s\n", "bought (the conversion)",
		rep_pct(rep_div((double)r->conversions, n), a, sizeof a));
	for (int e = 0; e < SIM_END_COUNT; e++)
		if (e != SIM_END_CUT || r->ends[e] > r->ends_bought[e])
			fprintf(out, "  %-28s %8s\n", rep_unbought_text[e],
				rep_pct(rep_div((double)(r->ends[e] -
					r->ends_bought[e]), n), a, sizeof a));
	fputs("\nFunnel (customers reaching each stage)\n", out);
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		fprintf(out, "  %-6s %-17s %8s\n", model_stage_label(s),
			model_stage_title(s), rep_pct(rep_div(
			(double)r->stage_reach[s], n), a, sizeof a));
}

static void rep_text_touchpoints(FILE *out, const struct sim_report *rp,
				 const struct sim_result *r)
{
	int w = rep_key_width(rp->j, rp->width, 69);
	char a[32], b[32], c[32];

	fprintf(out, "\nTouchpoints\n  %-*s %10s %8s %9s %9s %8s %8s %10s\n",
		w, "key", "visits", "per cust", "drops", "patience", "passing",
		"removal", "emotion+1");
	for (size_t i = 0; i < r->n; i++) {
		double mean, half, lo, hi, emo = rep_emotion(rp, r, i, &lo, &hi);

		sim_visits_mean(r, i, &mean, &half);
		if (isfinite(emo))
			snprintf(c, sizeof c, "%+.2fpp", 100 * emo);
		else
			snprintf(c, sizeof c, "-");
		fprintf(out, "  %-*.*s %10llu %8.3f %9llu %9llu %8s %8s %10s\n",
			w, w, rp->j->touchpoints[i].key,
			(unsigned long long)r->visits[i], mean,
			(unsigned long long)r->drop_ends[i],
			(unsigned long long)r->patience_ends[i],
			rep_pct(rep_div((double)r->reach[i], (double)r->customers),
				a, sizeof a), rep_pct(rep_removal(r, i), b, sizeof b),
			c);
	}
	fputs("  (drops: walks ended here by the drop; patience: by the "
	      "persona's patience;\n   removal: share of purchases lost "
	      "without it; emotion+1: change in\n   conversion, in points, "
	      "were its emotion one point better)\n", out);
}

static void rep_text_dists(FILE *out, const struct sim_result *r)
{
	fprintf(out, "\nMessy-middle loops per customer (exploration after "
		"evaluation):\n  mean %.2f, median %u, p90 %u, max %llu\n",
		rep_div((double)r->loop_sum, (double)r->customers),
		sim_hist_quantile(r->loop_hist, r->customers, 0.5),
		sim_hist_quantile(r->loop_hist, r->customers, 0.9),
		(unsigned long long)r->loop_max);
	if (r->conversions == 0)
		return;
	fprintf(out, "To conversion: %.2f touchpoints (median %u, p90 %u, max "
		"%llu), %.1f minutes of dwell on average\n",
		rep_div((double)r->conv_len_sum, (double)r->conversions),
		sim_hist_quantile(r->conv_len_hist, r->conversions, 0.5),
		sim_hist_quantile(r->conv_len_hist, r->conversions, 0.9),
		(unsigned long long)r->conv_len_max,
		rep_div(r->conv_dwell_sum, (double)r->conversions));
}

static void rep_text_paths(FILE *out, const struct sim_report *rp,
			   const struct sim_result *r)
{
	char a[32];

	fputs("\nMost common paths\n", out);
	for (size_t k = 0; k < r->n_top; k++) {
		const struct sim_path *p = &r->top[k];
		uint32_t shown = p->len < SIM_PATH_SHOW ? p->len : SIM_PATH_SHOW;

		fprintf(out, "  %7s  ", rep_pct(rep_div((double)p->count,
			(double)r->customers), a, sizeof a));
		for (uint32_t s = 0; s < shown; s++)
			fprintf(out, "%s%s", s ? " > " : "",
				rp->j->touchpoints[p->nodes[s]].key);
		fprintf(out, "%s [%s%s]\n", p->len > shown ? " > ..." : "",
			rep_end_names[p->end], p->converted ? ", bought" : "");
	}
}

static void rep_text_nps(FILE *out, const struct sim_report *rp,
			 const struct sim_result *r)
{
	uint64_t rated = r->promoters + r->passives + r->detractors;
	char a[32], b[32], c[32];

	fprintf(out, "\nRated at TMOT: %llu customers; promoters %s, passives %s, "
		"detractors %s; NPS %+.1f\n", (unsigned long long)rated,
		rep_pct(rep_div((double)r->promoters, (double)rated), a, sizeof a),
		rep_pct(rep_div((double)r->passives, (double)rated), b, sizeof b),
		rep_pct(rep_div((double)r->detractors, (double)rated), c, sizeof c),
		rated ? rep_nps(r->promoters, r->passives, r->detractors) : 0.0);
	fprintf(out, "\nPersonas\n  %-24s %10s %10s %10s %8s\n", "key",
		"customers", "conversion", "steps", "NPS");
	for (size_t k = 0; k < r->n_personas; k++) {
		const struct sim_persona_result *p = &r->personas[k];
		double nps = rep_nps(p->promoters, p->passives, p->detractors);

		if (p->customers == 0)
			continue;
		fprintf(out, "  %-24.24s %10llu %10s %10.2f %8s\n",
			rep_persona_key(rp->j, k),
			(unsigned long long)p->customers,
			rep_pct(rep_div((double)p->conversions, (double)p->customers),
				a, sizeof a),
			rep_div((double)p->steps, (double)p->customers),
			isfinite(nps) ? (snprintf(b, sizeof b, "%+.1f", nps), b) : "-");
	}
}

/* --- simulate: CSV -------------------------------------------------------- */

static void rep_csv_result(FILE *out, const struct sim_report *rp,
			   const struct sim_result *r)
{
	fputs("key,name,stage,visits,mean_visits,drops,exits,patience_ends,"
	      "cuts,customers_passing,share_passing,removal_effect,"
	      "emotion_effect" UTIL_CSV_EOL, out);
	for (size_t i = 0; i < r->n; i++) {
		const struct mot_touchpoint *tp = &rp->j->touchpoints[i];
		double mean, half, lo, hi, emo = rep_emotion(rp, r, i, &lo, &hi);
		double cols[3];

		sim_visits_mean(r, i, &mean, &half);
		cols[0] = mean;
		cols[1] = rep_div((double)r->reach[i], (double)r->customers);
		cols[2] = rep_removal(r, i);
		util_csv_field(out, tp->key);
		fputc(',', out);
		util_csv_field(out, tp->name);
		fprintf(out, ",%s,%llu,", model_stage_key(tp->stage),
			(unsigned long long)r->visits[i]);
		rep_num(out, cols[0]);
		fprintf(out, ",%llu,%llu,%llu,%llu,%llu,",
			(unsigned long long)r->drop_ends[i],
			(unsigned long long)r->exits[i],
			(unsigned long long)r->patience_ends[i],
			(unsigned long long)r->cuts[i],
			(unsigned long long)r->reach[i]);
		rep_num(out, cols[1]);
		fputc(',', out);
		rep_num(out, cols[2]);
		fputc(',', out);
		if (isfinite(emo))
			rep_num(out, emo);
		fputs(UTIL_CSV_EOL, out);
	}
}

void sim_report_result(FILE *out, enum sim_format f,
		       const struct sim_report *rp, const struct sim_result *r)
{
	if (f == SIM_FMT_JSON) {
		rep_json_result(out, rp, r);
		fputc('\n', out);
	} else if (f == SIM_FMT_CSV) {
		rep_csv_result(out, rp, r);
	} else {
		rep_text_head(out, rp, r);
		rep_text_touchpoints(out, rp, r);
		rep_text_dists(out, r);
		rep_text_paths(out, rp, r);
		rep_text_nps(out, rp, r);
	}
}

/* --- compare -------------------------------------------------------------- */

struct rep_row {
	const char *name;
	double base, scen;
};

static void rep_compare_rows(const struct sim_result *b,
			     const struct sim_result *s, struct rep_row *rows)
{
	rows[0] = (struct rep_row){ "conversion_rate",
		rep_div((double)b->conversions, (double)b->customers),
		rep_div((double)s->conversions, (double)s->customers) };
	rows[1] = (struct rep_row){ "steps_per_customer",
		rep_div((double)b->steps, (double)b->customers),
		rep_div((double)s->steps, (double)s->customers) };
	rows[2] = (struct rep_row){ "nps",
		rep_nps(b->promoters, b->passives, b->detractors),
		rep_nps(s->promoters, s->passives, s->detractors) };
}

static void rep_compare_text(FILE *out, const struct sim_report *rp,
			     const struct sim_result *b,
			     const struct sim_result *s, double d, double lo,
			     double hi)
{
	struct rep_row rows[3];
	int w = rep_key_width(rp->j, rp->width, 33);

	rep_compare_rows(b, s, rows);
	fprintf(out, "%s: %s\nBaseline against the scenario", rp->j->key,
		rp->j->title ? rp->j->title : "");
	for (size_t i = 0; i < rp->n_sets; i++)
		fprintf(out, "%s %s", i ? "," : "", rp->sets[i]);
	fprintf(out, "\n%s model, %llu customers each, seed %llu, the same "
		"random numbers for both\n\n", rp->opt->plain ? "Plain" : "Full",
		(unsigned long long)b->customers,
		(unsigned long long)rp->run->seed);
	fprintf(out, "  %-20s %10s %10s %10s\n", "", "baseline", "scenario",
		"change");
	fprintf(out, "  %-20s %9.2f%% %9.2f%% %+8.2fpp  (95%% CI %+.2f to "
		"%+.2f)\n", "conversion", 100 * rows[0].base, 100 * rows[0].scen,
		100 * d, 100 * lo, 100 * hi);
	fprintf(out, "  %-20s %10.2f %10.2f %+10.2f\n", "steps per customer",
		rows[1].base, rows[1].scen, rows[1].scen - rows[1].base);
	fprintf(out, "  %-20s %+10.1f %+10.1f %+10.1f\n", "NPS", rows[2].base,
		rows[2].scen, rows[2].scen - rows[2].base);
	fprintf(out, "\nVisits per customer\n  %-*s %10s %10s %10s\n", w, "key",
		"baseline", "scenario", "change");
	for (size_t i = 0; i < b->n; i++) {
		double vb = rep_div((double)b->visits[i], (double)b->customers);
		double vs = rep_div((double)s->visits[i], (double)s->customers);
		fprintf(out, "  %-*.*s %10.4f %10.4f %+10.4f\n", w, w,
			rp->j->touchpoints[i].key, vb, vs, vs - vb);
	}
}

static void rep_compare_csv(FILE *out, const struct sim_report *rp,
			    const struct sim_result *b,
			    const struct sim_result *s, double d, double lo,
			    double hi)
{
	struct rep_row rows[3];

	rep_compare_rows(b, s, rows);
	fputs("metric,baseline,scenario,difference,ci95_low,ci95_high"
	      UTIL_CSV_EOL, out);
	for (int i = 0; i < 3; i++) {
		fprintf(out, "%s,", rows[i].name);
		rep_num(out, rows[i].base);
		fputc(',', out);
		rep_num(out, rows[i].scen);
		fputc(',', out);
		rep_num(out, i == 0 ? d : rows[i].scen - rows[i].base);
		fputc(',', out);
		if (i == 0) {
			rep_num(out, lo);
			fputc(',', out);
			rep_num(out, hi);
		} else {
			fputc(',', out);
		}
		fputs(UTIL_CSV_EOL, out);
	}
	for (size_t i = 0; i < b->n; i++) {
		double vb = rep_div((double)b->visits[i], (double)b->customers);
		double vs = rep_div((double)s->visits[i], (double)s->customers);
		fputs("mean_visits:", out);
		util_csv_field(out, rp->j->touchpoints[i].key);
		fputc(',', out);
		rep_num(out, vb);
		fputc(',', out);
		rep_num(out, vs);
		fputc(',', out);
		rep_num(out, vs - vb);
		fputs(",," UTIL_CSV_EOL, out);
	}
}

void sim_report_compare(FILE *out, enum sim_format f,
			const struct sim_report *rp,
			const struct mot_journey *alt,
			const struct sim_result *base,
			const struct sim_result *scen,
			const struct sim_pair *pair)
{
	struct sim_report rs = *rp, rb = *rp;
	double d, lo, hi;

	sim_pair_diff(pair, base->customers, &d, &lo, &hi);
	rs.j = alt;
	rb.n_sets = 0;
	if (f == SIM_FMT_JSON) {
		fputs("{\"baseline\":", out);
		rep_json_result(out, &rb, base);
		fputs(",\"scenario\":", out);
		rep_json_result(out, &rs, scen);
		fprintf(out, ",\"difference\":{\"customers_gained\":%llu,"
			"\"customers_lost\":%llu", (unsigned long long)pair->gained,
			(unsigned long long)pair->lost);
		rep_jnum(out, "conversion_rate", d);
		rep_jpair(out, "conversion_ci95", lo, hi);
		fputs("}}\n", out);
	} else if (f == SIM_FMT_CSV) {
		rep_compare_csv(out, rp, base, scen, d, lo, hi);
	} else {
		rep_compare_text(out, rp, base, scen, d, lo, hi);
	}
}

/* --- word of mouth ------------------------------------------------------- */

/* What the columns of a market run are, for the people reading it. */
static const char rep_market_words[] =
	"Entrants: people of the market who start the journey at an entry,\n"
	"by themselves (p a day: marketing, or the event that starts it) or\n"
	"pulled in by promoters (q), held back by detractors (qd).  Adopters:\n"
	"entrants who reached a conversion touchpoint.  Promoters and\n"
	"detractors: entrants so far rated so at TMOT.\n";

void sim_report_market(FILE *out, enum sim_format f,
		       const struct sim_report *rp, const struct sim_market *mk,
		       const struct sim_market_day *days)
{
	if (f == SIM_FMT_JSON) {
		fputc('{', out);
		rep_json_head(out, rp);
		fprintf(out, ",\"market\":%llu", (unsigned long long)mk->people);
		rep_jnum(out, "p", mk->p);
		rep_jnum(out, "q", mk->q);
		rep_jnum(out, "qd", mk->qd);
		fprintf(out, ",\"days\":%u,\"series\":[", mk->days);
	} else if (f == SIM_FMT_CSV) {
		fputs("day,new_entrants,purchases,cumulative_adopters,promoters,"
		      "detractors" UTIL_CSV_EOL, out);
	} else {
		fprintf(out, "%s: word of mouth in a market of %llu, p = %g, "
			"q = %g, qd = %g, seed %llu\n%s\n%5s %12s %12s %20s "
			"%12s %12s %9s\n", rp->j->key,
			(unsigned long long)mk->people, mk->p, mk->q, mk->qd,
			(unsigned long long)rp->run->seed, rep_market_words,
			"day", "new_entrants", "purchases",
			"cumulative_adopters", "promoters", "detractors",
			"adopted");
	}
	for (unsigned i = 0; i < mk->days; i++) {
		const struct sim_market_day *d = &days[i];
		if (f == SIM_FMT_JSON)
			fprintf(out, "%s{\"day\":%u,\"new_entrants\":%llu,"
				"\"purchases\":%llu,\"cumulative_adopters\":%llu,"
				"\"promoters\":%llu,\"detractors\":%llu}",
				i ? "," : "", d->day,
				(unsigned long long)d->new_entrants,
				(unsigned long long)d->purchases,
				(unsigned long long)d->cumulative_adopters,
				(unsigned long long)d->promoters,
				(unsigned long long)d->detractors);
		else
			fprintf(out, f == SIM_FMT_CSV ?
				"%u,%llu,%llu,%llu,%llu,%llu" UTIL_CSV_EOL :
				"%5u %12llu %12llu %20llu %12llu %12llu", d->day,
				(unsigned long long)d->new_entrants,
				(unsigned long long)d->purchases,
				(unsigned long long)d->cumulative_adopters,
				(unsigned long long)d->promoters,
				(unsigned long long)d->detractors);
		if (f == SIM_FMT_TEXT)
			fprintf(out, " %8.2f%%\n", 100.0 *
				(double)d->cumulative_adopters / (double)mk->people);
	}
	if (f == SIM_FMT_JSON)
		fputs("]}\n", out);
}

/* --- analyze -------------------------------------------------------------- */

static void analyze_report_json(FILE *out, const struct mot_journey *j,
				const char *persona,
				const struct analyze_result *a)
{
	fputs("{\"journey\":", out);
	util_json_str(out, j->key);
	fputs(",\"model\":\"plain\",\"persona\":", out);
	if (persona)
		util_json_str(out, persona);
	else
		fputs("null", out);
	rep_jnum(out, "conversion_probability", a->conversion);
	rep_jnum(out, "expected_steps", a->expected_steps);
	fputs(",\"end_states\":{\"drop\":", out);
	rep_num(out, a->p_drop);
	fputs(",\"exit\":", out);
	rep_num(out, a->p_exit);
	fputs("},\"endings\":{\"bought\":", out);
	rep_num(out, a->conversion);
	fputs(",\"left_without_buying\":", out);
	rep_num(out, a->p_drop_unbought);
	fputs(",\"exit_without_buying\":", out);
	rep_num(out, a->p_exit_unbought);
	fputs("},\"touchpoints\":[", out);
	for (size_t i = 0; i < a->n; i++) {
		fputs(i ? ",{\"key\":" : "{\"key\":", out);
		util_json_str(out, j->touchpoints[i].key);
		fputs(",\"name\":", out);
		util_json_str(out, j->touchpoints[i].name);
		rep_jnum(out, "expected_visits", a->expected_visits[i]);
		rep_jnum(out, "p_drop", a->p_drop_at[i]);
		rep_jnum(out, "p_exit", a->p_exit_at[i]);
		rep_jnum(out, "removal_effect", a->removal_effect[i]);
		fputc('}', out);
	}
	fputs("]}\n", out);
}

static void analyze_report_text(FILE *out, const struct mot_journey *j,
				const char *persona,
				const struct analyze_result *a, int width)
{
	int w = rep_key_width(j, width, 57);

	fprintf(out, "%s: %s\nExact analysis of the plain chain; personas: %s\n\n",
		j->key, j->title ? j->title : "", persona ? persona :
		"all, by share");
	fprintf(out, "Conversion probability  %.6f\n", a->conversion);
	fprintf(out, "Expected steps          %.4f\n", a->expected_steps);
	fprintf(out, "Walks end               drop %.6f, exit %.6f\n",
		a->p_drop, a->p_exit);
	fprintf(out, "Endings                 bought %.6f, left without buying "
		"%.6f, dead end without buying %.6f\n\n", a->conversion,
		a->p_drop_unbought, a->p_exit_unbought);
	fprintf(out, "  %-*s %15s %12s %12s %14s\n", w, "key", "expected visits",
		"P(drop here)", "P(exit here)", "removal effect");
	for (size_t i = 0; i < a->n; i++)
		fprintf(out, "  %-*.*s %15.6f %12.6f %12.6f %14.6f\n", w, w,
			j->touchpoints[i].key, a->expected_visits[i],
			a->p_drop_at[i], a->p_exit_at[i], a->removal_effect[i]);
}

void analyze_report(FILE *out, enum sim_format f, const struct mot_journey *j,
		    const char *persona, const struct analyze_result *a,
		    int width)
{
	if (f == SIM_FMT_JSON) {
		analyze_report_json(out, j, persona, a);
		return;
	}
	if (f == SIM_FMT_TEXT) {
		analyze_report_text(out, j, persona, a, width);
		return;
	}
	fputs("key,name,expected_visits,p_drop,p_exit,removal_effect"
	      UTIL_CSV_EOL, out);
	for (size_t i = 0; i < a->n; i++) {
		util_csv_field(out, j->touchpoints[i].key);
		fputc(',', out);
		util_csv_field(out, j->touchpoints[i].name);
		fputc(',', out);
		rep_num(out, a->expected_visits[i]);
		fputc(',', out);
		rep_num(out, a->p_drop_at[i]);
		fputc(',', out);
		rep_num(out, a->p_exit_at[i]);
		fputc(',', out);
		rep_num(out, a->removal_effect[i]);
		fputs(UTIL_CSV_EOL, out);
	}
}

/*
 * log_report.c - `mot log compare` as text, JSON and CSV.
 *
 * Text is for people: a summary, then tables of touchpoints,
 * transitions, the surprises (observed but not designed, designed but
 * never observed) and entries.  JSON carries everything with the keys of
 * mot(1); CSV is one long table (kind,from,to,designed,observed,
 * observed_count) a spreadsheet can pivot.  JSON and CSV numbers are
 * written in the C locale, the shortest way that reads back exactly; a
 * figure that cannot be computed is null (JSON) or empty (CSV).
 */
#include "log.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "util.h"

int log_report_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return LOG_REPORT_TEXT;
	if (strcmp(s, "json") == 0)
		return LOG_REPORT_JSON;
	if (strcmp(s, "csv") == 0)
		return LOG_REPORT_CSV;
	return -1;
}

static const char *log_key(const struct mot_journey *j, size_t t)
{
	return j->touchpoints[t].key;
}

static void log_num(FILE *out, double v)
{
	char buf[40];

	if (!isfinite(v))
		fputs("null", out);
	else
		fputs(model_format_number(v, buf, sizeof buf), out);
}

static void log_jnum(FILE *out, const char *key, double v)
{
	fprintf(out, ",\"%s\":", key);
	log_num(out, v);
}

static void log_jstr(FILE *out, const char *sep, const char *key,
		     const char *v)
{
	fprintf(out, "%s\"%s\":", sep, key);
	util_json_str(out, v);
}

/* --- JSON ------------------------------------------------------------------ */

static void log_json_touchpoints(FILE *out, const struct mot_journey *j,
				 const struct log_comparison *c)
{
	fputs(",\"touchpoints\":[", out);
	for (size_t t = 0; t < c->n; t++) {
		const struct log_tp_cmp *x = &c->tp[t];

		log_jstr(out, t ? ",{" : "{", "key", log_key(j, t));
		log_jstr(out, ",", "name", j->touchpoints[t].name);
		log_jnum(out, "designed_visits", x->designed_visits);
		log_jnum(out, "observed_visits", x->observed_visits);
		log_jnum(out, "designed_drop", x->designed_drop);
		log_jnum(out, "observed_drop", x->observed_drop);
		log_jnum(out, "observed_conversion", x->observed_conversion);
		fprintf(out, ",\"visits\":%llu,\"cases\":%llu,\"lost\":%llu}",
			(unsigned long long)x->visits, (unsigned long long)x->cases,
			(unsigned long long)x->lost);
	}
	fputc(']', out);
}

/* One list of edges: which = 0 designed, 1 undesigned, 2 unobserved. */
static void log_json_edges(FILE *out, const struct mot_journey *j,
			   const struct log_comparison *c, const char *name,
			   int which)
{
	bool first = true;

	fprintf(out, ",\"%s\":[", name);
	for (size_t e = 0; e < c->n_edges; e++) {
		const struct log_edge *ed = &c->edges[e];

		if ((which == 0 && !ed->designed) || (which == 1 && ed->designed) ||
		    (which == 2 && (!ed->designed || ed->count)))
			continue;
		log_jstr(out, first ? "{" : ",{", "from", log_key(j, ed->from));
		log_jstr(out, ",", "to", log_key(j, ed->to));
		if (which != 1)
			log_jnum(out, "designed_p", ed->designed_p);
		if (which == 0)
			log_jnum(out, "observed_p", ed->observed_p);
		if (which != 2)
			fprintf(out, ",\"observed_count\":%llu",
				(unsigned long long)ed->count);
		if (which == 1)
			log_jnum(out, "observed_p", ed->observed_p);
		fputc('}', out);
		first = false;
	}
	fputc(']', out);
}

static void log_json_entries(FILE *out, const struct mot_journey *j,
			     const struct log_comparison *c)
{
	bool first = true;

	fputs(",\"entries\":[", out);
	for (size_t t = 0; t < c->n; t++) {
		if (c->entry_designed[t] <= 0 && c->first[t] == 0)
			continue;
		log_jstr(out, first ? "{" : ",{", "key", log_key(j, t));
		log_jnum(out, "designed_p", c->entry_designed[t]);
		log_jnum(out, "observed_p", c->cases ? (double)c->first[t] /
			 (double)c->cases : NAN);
		fprintf(out, ",\"observed_count\":%llu}",
			(unsigned long long)c->first[t]);
		first = false;
	}
	fputc(']', out);
}

static void log_json(FILE *out, const struct mot_journey *j,
		     const struct mot_log *l, const struct log_comparison *c)
{
	log_jstr(out, "{", "journey", j->key);
	log_jstr(out, ",", "log", l->name);
	log_jstr(out, ",", "source", l->source);
	fprintf(out, ",\"imported\":%lld,\"cases\":%llu,\"events\":%llu,"
		"\"converted\":%llu", (long long)l->imported,
		(unsigned long long)c->cases, (unsigned long long)c->events,
		(unsigned long long)c->converted);
	log_jnum(out, "conversion", c->conversion);
	log_jnum(out, "designed_conversion", c->designed_conversion);
	log_jnum(out, "fitness_cases", c->fitness_cases);
	log_jnum(out, "fitness_steps", c->fitness_steps);
	log_json_touchpoints(out, j, c);
	log_json_edges(out, j, c, "transitions", 0);
	log_json_edges(out, j, c, "undesigned", 1);
	log_json_edges(out, j, c, "unobserved", 2);
	log_json_entries(out, j, c);
	fputs("}\n", out);
}

/* --- CSV ------------------------------------------------------------------- */

static void log_csv_row(FILE *out, const char *kind, const char *from,
			const char *to, double designed, double observed,
			long long count)
{
	char buf[40];

	fputs(kind, out);
	fputc(',', out);
	util_csv_field(out, from);
	fputc(',', out);
	util_csv_field(out, to);
	fputc(',', out);
	if (isfinite(designed))
		fputs(model_format_number(designed, buf, sizeof buf), out);
	fputc(',', out);
	if (isfinite(observed))
		fputs(model_format_number(observed, buf, sizeof buf), out);
	fputc(',', out);
	if (count >= 0)
		fprintf(out, "%lld", count);
	fputs("\r\n", out);
}

static void log_csv(FILE *out, const struct mot_journey *j,
		    const struct log_comparison *c)
{
	fputs("kind,from,to,designed,observed,observed_count\r\n", out);
	log_csv_row(out, "cases", "", "", NAN, NAN, (long long)c->cases);
	log_csv_row(out, "events", "", "", NAN, NAN, (long long)c->events);
	log_csv_row(out, "conversion", "", "", c->designed_conversion,
		    c->conversion, (long long)c->converted);
	log_csv_row(out, "fitness_cases", "", "", NAN, c->fitness_cases, -1);
	log_csv_row(out, "fitness_steps", "", "", NAN, c->fitness_steps, -1);
	for (size_t t = 0; t < c->n; t++) {
		const struct log_tp_cmp *x = &c->tp[t];

		log_csv_row(out, "visits", log_key(j, t), "", x->designed_visits,
			    x->observed_visits, (long long)x->visits);
		log_csv_row(out, "drop", log_key(j, t), "", x->designed_drop,
			    x->observed_drop, (long long)x->lost);
	}
	for (size_t e = 0; e < c->n_edges; e++) {
		const struct log_edge *ed = &c->edges[e];

		log_csv_row(out, !ed->designed ? "undesigned" : ed->count ?
			    "transition" : "unobserved", log_key(j, ed->from),
			    log_key(j, ed->to), ed->designed ? ed->designed_p : NAN,
			    ed->observed_p, (long long)ed->count);
	}
	for (size_t t = 0; t < c->n; t++)
		if (c->entry_designed[t] > 0 || c->first[t])
			log_csv_row(out, "entry", "", log_key(j, t),
				    c->entry_designed[t], c->cases ?
				    (double)c->first[t] / (double)c->cases : NAN,
				    (long long)c->first[t]);
}

/* --- text ------------------------------------------------------------------ */

/* A share as a percentage in a column of 9, or a dash. */
static void log_pct(FILE *out, double v)
{
	if (isfinite(v))
		fprintf(out, " %7.1f%%", 100 * v);
	else
		fputs("        -", out);
}

/* The same in a sentence. */
static const char *log_pct_str(double v, char *buf, size_t len)
{
	if (isfinite(v))
		snprintf(buf, len, "%.1f%%", 100 * v);
	else
		snprintf(buf, len, "-");
	return buf;
}

static void log_fixed(FILE *out, double v)
{
	if (isfinite(v))
		fprintf(out, " %8.2f", v);
	else
		fputs("        -", out);
}

static int log_key_width(const struct mot_journey *j, const struct log_comparison *c,
			 bool edges)
{
	int w = 10;

	for (size_t t = 0; t < c->n && !edges; t++)
		if ((int)strlen(log_key(j, t)) > w)
			w = (int)strlen(log_key(j, t));
	for (size_t e = 0; e < c->n_edges && edges; e++) {
		int n = (int)(strlen(log_key(j, c->edges[e].from)) +
			      strlen(log_key(j, c->edges[e].to)) + 4);
		w = n > w ? n : w;
	}
	return w;
}

static void log_text_touchpoints(FILE *out, const struct mot_journey *j,
				 const struct log_comparison *c)
{
	int w = log_key_width(j, c, false);

	fprintf(out, "\n%-*s %17s %17s %8s\n", w, "", "visits per case",
		"drop (not bought)", "bought");
	fprintf(out, "%-*s %8s %8s %8s %8s %8s\n", w, "touchpoint", "design",
		"log", "design", "log", "log");
	for (size_t t = 0; t < c->n; t++) {
		const struct log_tp_cmp *x = &c->tp[t];

		fprintf(out, "%-*s", w, log_key(j, t));
		log_fixed(out, x->designed_visits);
		log_fixed(out, x->observed_visits);
		log_pct(out, x->designed_drop);
		log_pct(out, x->observed_drop);
		log_pct(out, x->observed_conversion);
		fputc('\n', out);
	}
}

static void log_text_edges(FILE *out, const struct mot_journey *j,
			   const struct log_comparison *c, int which)
{
	static const char *const title[3] = {
		"transition", "observed, not designed", "designed, never taken" };
	int w = log_key_width(j, c, true);
	bool any = false;

	for (size_t e = 0; e < c->n_edges; e++) {
		const struct log_edge *ed = &c->edges[e];
		char name[2 * MOT_KEY_MAX + 8];

		/* which 0: designed and taken (never taken: list 2) */
		if ((which == 0 && (!ed->designed || !ed->count)) ||
		    (which == 1 && ed->designed) ||
		    (which == 2 && (!ed->designed || ed->count)))
			continue;
		if (!any)
			fprintf(out, "\n%-*s %8s %8s %9s\n", w, title[which],
				"design", "log", "count");
		any = true;
		snprintf(name, sizeof name, "%s -> %s", log_key(j, ed->from),
			 log_key(j, ed->to));
		fprintf(out, "%-*s", w, name);
		log_pct(out, ed->designed ? ed->designed_p : NAN);
		log_pct(out, ed->observed_p);
		fprintf(out, " %9llu\n", (unsigned long long)ed->count);
	}
}

static void log_text(FILE *out, const struct mot_journey *j,
		     const struct mot_log *l, const struct log_comparison *c)
{
	int w = log_key_width(j, c, false);
	char a[16], b[16];

	fprintf(out, "%s: log '%s' from %s, %llu cases, %llu events\n", j->key,
		l->name ? l->name : "", l->source ? l->source : "",
		(unsigned long long)c->cases, (unsigned long long)c->events);
	fprintf(out, "conversion: %s in the design, %s in the log\n",
		log_pct_str(c->designed_conversion, a, sizeof a),
		log_pct_str(c->conversion, b, sizeof b));
	fprintf(out, "fitness: %s of the cases and %s of the steps follow the "
		"design\n", log_pct_str(c->fitness_cases, a, sizeof a),
		log_pct_str(c->fitness_steps, b, sizeof b));
	log_text_touchpoints(out, j, c);
	log_text_edges(out, j, c, 0);
	log_text_edges(out, j, c, 1);
	log_text_edges(out, j, c, 2);
	fprintf(out, "\n%-*s %8s %8s %9s\n", w, "entry", "design", "log", "count");
	for (size_t t = 0; t < c->n; t++)
		if (c->entry_designed[t] > 0 || c->first[t]) {
			fprintf(out, "%-*s", w, log_key(j, t));
			log_pct(out, c->entry_designed[t]);
			log_pct(out, c->cases ? (double)c->first[t] /
				(double)c->cases : NAN);
			fprintf(out, " %9llu\n", (unsigned long long)c->first[t]);
		}
}

void log_report(FILE *out, enum log_report_format f,
		const struct mot_journey *j, const struct mot_log *l,
		const struct log_comparison *c)
{
	locale_t cl, old = (locale_t)0;

	if (f == LOG_REPORT_TEXT) {
		log_text(out, j, l, c);
		return;
	}
	/* Machine-readable output: the C locale's decimal point. */
	cl = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (cl)
		old = uselocale(cl);
	if (f == LOG_REPORT_JSON)
		log_json(out, j, l, c);
	else
		log_csv(out, j, c);
	if (cl) {
		uselocale(old);
		freelocale(cl);
	}
}

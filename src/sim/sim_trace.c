/*
 * sim_trace.c - the event log of simulated customers, in the shapes that
 * process-mining tools (ProM, Disco, PM4Py, Celonis) and `mot log import`
 * read: CSV, one row per touchpoint visit, or XES (IEEE 1849), one
 * <trace> per customer and one <event> per visit.  The activity is the
 * touchpoint's key (names need not be unique), the name goes along as
 * an attribute, and each case carries its outcome.
 *
 * The customers are walked again one by one with their own random
 * streams (sim_tracer_walk), after and apart from the simulation: the
 * counted walk loop never writes anything down for the log, and the log
 * holds exactly the paths that were counted.
 *
 * A log of a million customers is some five million rows, so rows are
 * put together by hand in a buffer: the strings of each touchpoint are
 * escaped once, and a time is formatted from the date of its day, which
 * is worked out once a day rather than once a row.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "sim.h"
#include "util.h"

struct sim_trace {
	FILE *out;
	enum sim_trace_format f;
	const struct mot_journey *j;
	char **act;          /* per touchpoint: its columns, or its attributes */
	char **persona;      /* per persona: its key, quoted or escaped */
	bool *conv;          /* per touchpoint: a conversion */
	struct strbuf b;
	long long day;       /* the day `date` holds */
	char date[16];       /* "2026-01-01" */
};

static const char *const sim_trace_outcomes[SIM_END_COUNT] = {
	"dropped", "exit", "patience", "cut",
};

/* --- strings ---------------------------------------------------------------- */

/* XML attribute text: markup characters and line breaks as references, so
 * that a reader's attribute normalisation gives the same text back. */
static void sim_trace_xml(struct strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': strbuf_puts(b, "&amp;"); break;
		case '<': strbuf_puts(b, "&lt;"); break;
		case '>': strbuf_puts(b, "&gt;"); break;
		case '"': strbuf_puts(b, "&quot;"); break;
		case '\n': strbuf_puts(b, "&#10;"); break;
		case '\r': strbuf_puts(b, "&#13;"); break;
		case '\t': strbuf_puts(b, "&#9;"); break;
		default: strbuf_add(b, s, 1);
		}
	}
}

static char *sim_trace_xml_dup(const char *s)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_puts(&b, "");
	sim_trace_xml(&b, s);
	return strbuf_detach(&b);
}

static const char *sim_trace_name(const struct mot_touchpoint *tp)
{
	return tp->name && *tp->name ? tp->name : tp->key;
}

/* Per touchpoint, what every row of it holds: CSV "key,ts" goes around
 * the time, so keep "key" and ",name,stage" apart; XES the attributes. */
static char *sim_trace_tp(enum sim_trace_format f, const struct mot_touchpoint *tp)
{
	struct strbuf b;
	char *q;

	strbuf_init(&b);
	if (f == SIM_TRACE_CSV) {
		q = util_csv_quote(sim_trace_name(tp));
		strbuf_printf(&b, "%s,%s", q, model_stage_key(tp->stage));
		free(q);
		return strbuf_detach(&b);
	}
	strbuf_puts(&b, "\t\t\t<string key=\"concept:name\" value=\"");
	sim_trace_xml(&b, tp->key);
	strbuf_puts(&b, "\"/>\n\t\t\t<string key=\"mot:name\" value=\"");
	sim_trace_xml(&b, sim_trace_name(tp));
	strbuf_printf(&b, "\"/>\n\t\t\t<string key=\"mot:stage\" value=\"%s\"/>\n",
		      model_stage_key(tp->stage));
	return strbuf_detach(&b);
}

/* --- time ------------------------------------------------------------------- */

/* "YYYY-MM-DDTHH:MM:SS" of secs (UTC) into b; -1 when out of range. */
static int sim_trace_time(struct sim_trace *t, long long secs)
{
	long long day = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	long long rest = secs - day * 86400;
	char clock[16];

	if (day != t->day) {
		time_t tt = (time_t)(day * 86400);
		struct tm tm;

		if (!gmtime_r(&tt, &tm) ||
		    !strftime(t->date, sizeof t->date, "%Y-%m-%d", &tm))
			return -1;
		t->day = day;
	}
	clock[0] = 'T';
	clock[1] = (char)('0' + rest / 36000);
	clock[2] = (char)('0' + rest / 3600 % 10);
	clock[3] = ':';
	clock[4] = (char)('0' + rest / 600 % 6);
	clock[5] = (char)('0' + rest / 60 % 10);
	clock[6] = ':';
	clock[7] = (char)('0' + rest % 60 / 10);
	clock[8] = (char)('0' + rest % 10);
	strbuf_puts(&t->b, t->date);
	strbuf_add(&t->b, clock, 9);
	return 0;
}

/* A whole number, without printf's parsing of a format per row. */
static void sim_trace_u64(struct strbuf *b, uint64_t v)
{
	char tmp[24];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	strbuf_add(b, tmp + i, sizeof tmp - i);
}

/* --- one case ------------------------------------------------------------------ */

static void sim_trace_case_head(struct sim_trace *t, uint64_t c,
				const char *persona, const char *outcome)
{
	if (t->f == SIM_TRACE_CSV)
		return;
	strbuf_printf(&t->b, "\t<trace>\n\t\t<string key=\"concept:name\" "
		      "value=\"%" PRIu64 "\"/>\n", c);
	if (*persona)
		strbuf_printf(&t->b, "\t\t<string key=\"mot:persona\" "
			      "value=\"%s\"/>\n", persona);
	strbuf_printf(&t->b, "\t\t<string key=\"mot:outcome\" value=\"%s\"/>\n",
		      outcome);
}

static int sim_trace_row(struct sim_trace *t, uint64_t c, size_t tp,
			 long long secs, const char *persona,
			 const char *outcome)
{
	if (t->f == SIM_TRACE_XES) {
		strbuf_puts(&t->b, "\t\t<event>\n");
		strbuf_puts(&t->b, t->act[tp]);
		strbuf_puts(&t->b, "\t\t\t<date key=\"time:timestamp\" value=\"");
		if (sim_trace_time(t, secs) != 0)
			return -1;
		strbuf_puts(&t->b, ".000+00:00\"/>\n\t\t</event>\n");
		return 0;
	}
	sim_trace_u64(&t->b, c);
	strbuf_add(&t->b, ",", 1);
	strbuf_puts(&t->b, t->j->touchpoints[tp].key);
	strbuf_add(&t->b, ",", 1);
	if (sim_trace_time(t, secs) != 0)
		return -1;
	strbuf_add(&t->b, "Z,", 2);
	strbuf_puts(&t->b, t->act[tp]);
	strbuf_add(&t->b, ",", 1);
	strbuf_puts(&t->b, persona);
	strbuf_add(&t->b, ",", 1);
	strbuf_puts(&t->b, outcome);
	strbuf_puts(&t->b, UTIL_CSV_EOL);
	return 0;
}

/* The rows of one customer.  Times are kept in whole seconds from the
 * customer's start, rounded from the summed dwell so that rounding never
 * accumulates; a visit without dwell still takes one second. */
static int sim_trace_case(struct sim_trace *t, uint64_t c,
			  const struct sim_walk_info *info,
			  const uint16_t *path)
{
	const char *persona = t->j->n_personas ? t->persona[info->persona] : "";
	const char *outcome = sim_trace_outcomes[info->end];
	long long start = SIM_TRACE_EPOCH + 60 * (long long)c, at = start;
	double minutes = 0;

	for (uint32_t i = 0; i < info->steps; i++)
		if (t->conv[path[i]])
			outcome = "converted";
	sim_trace_case_head(t, c, persona, outcome);
	for (uint32_t i = 0; i < info->steps; i++) {
		long long next;

		if (sim_trace_row(t, c, path[i], at, persona, outcome) != 0)
			return -1;
		minutes += t->j->touchpoints[path[i]].dwell;
		next = start + llround(minutes * 60.0);
		at = next > at ? next : at + 1;
	}
	if (t->f == SIM_TRACE_XES)
		strbuf_puts(&t->b, "\t</trace>\n");
	return 0;
}

/* --- the log ----------------------------------------------------------------- */

static void sim_trace_head(struct sim_trace *t)
{
	if (t->f == SIM_TRACE_CSV) {
		strbuf_puts(&t->b, "case_id,activity,timestamp,name,stage,persona,"
			    "outcome" UTIL_CSV_EOL);
		return;
	}
	strbuf_puts(&t->b,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<log xes.version=\"1849-2016\" xes.features=\"\" "
		"xmlns=\"http://www.xes-standard.org/\">\n"
		"\t<extension name=\"Concept\" prefix=\"concept\" "
		"uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
		"\t<extension name=\"Time\" prefix=\"time\" "
		"uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
		"\t<global scope=\"trace\">\n"
		"\t\t<string key=\"concept:name\" value=\"\"/>\n"
		"\t</global>\n"
		"\t<global scope=\"event\">\n"
		"\t\t<string key=\"concept:name\" value=\"\"/>\n"
		"\t\t<date key=\"time:timestamp\" "
		"value=\"1970-01-01T00:00:00.000+00:00\"/>\n"
		"\t</global>\n"
		"\t<classifier name=\"Activity\" keys=\"concept:name\"/>\n"
		"\t<string key=\"concept:name\" value=\"");
	sim_trace_xml(&t->b, t->j->title && *t->j->title ? t->j->title :
			     t->j->key);
	strbuf_puts(&t->b, "\"/>\n\t<string key=\"mot:journey\" value=\"");
	sim_trace_xml(&t->b, t->j->key);
	strbuf_puts(&t->b, "\"/>\n");
}

/* Write what the buffer holds when it is big enough to be worth it. */
static int sim_trace_flush(struct sim_trace *t, bool all)
{
	if (!all && t->b.len < (1u << 16))
		return 0;
	if (t->b.len && fwrite(t->b.s, 1, t->b.len, t->out) != t->b.len)
		return -1;
	t->b.len = 0;
	return 0;
}

static void sim_trace_init(struct sim_trace *t, FILE *out,
			   enum sim_trace_format f, const struct mot_journey *j)
{
	size_t nt = j->n_touchpoints, np = j->n_personas;

	memset(t, 0, sizeof *t);
	t->out = out;
	t->f = f;
	t->j = j;
	t->day = -1000000000LL;
	t->act = xcalloc(nt + 1, sizeof *t->act);
	t->conv = xcalloc(nt + 1, sizeof *t->conv);
	t->persona = xcalloc(np + 1, sizeof *t->persona);
	for (size_t i = 0; i < nt; i++) {
		t->act[i] = sim_trace_tp(f, &j->touchpoints[i]);
		t->conv[i] = j->touchpoints[i].conversion;
	}
	for (size_t k = 0; k < np; k++)
		t->persona[k] = f == SIM_TRACE_CSV ?
				util_csv_quote(j->personas[k].key) :
				sim_trace_xml_dup(j->personas[k].key);
	strbuf_init(&t->b);
}

static void sim_trace_free(struct sim_trace *t)
{
	for (size_t i = 0; i < t->j->n_touchpoints; i++)
		free(t->act[i]);
	for (size_t k = 0; k < t->j->n_personas; k++)
		free(t->persona[k]);
	free(t->act);
	free(t->conv);
	free(t->persona);
	strbuf_free(&t->b);
}

int sim_trace_format_of(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return n >= 4 && strcasecmp(path + n - 4, ".xes") == 0 ? SIM_TRACE_XES :
	       SIM_TRACE_CSV;
}

int sim_trace_write(FILE *out, enum sim_trace_format f,
		    const struct mot_journey *j, const struct sim_model *m,
		    uint64_t seed, uint64_t n)
{
	struct sim_tracer *tr = sim_tracer_new(m, seed);
	struct sim_trace t;
	int rc = 0;

	sim_trace_init(&t, out, f, j);
	sim_trace_head(&t);
	for (uint64_t c = 0; c < n && rc == 0; c++) {
		struct sim_walk_info info;
		const uint16_t *path = sim_tracer_walk(tr, c, &info);

		rc = sim_trace_case(&t, c, &info, path);
		if (rc == 0)
			rc = sim_trace_flush(&t, false);
	}
	if (rc == 0 && f == SIM_TRACE_XES)
		strbuf_puts(&t.b, "</log>\n");
	if (rc == 0)
		rc = sim_trace_flush(&t, true);
	sim_tracer_free(tr);
	sim_trace_free(&t);
	return rc;
}

/*
 * sim_trace.c - the event log of simulated customers, in the shape that
 * process-mining tools (ProM, Disco, PM4Py, Celonis) read: one CSV row
 * per touchpoint visit, keyed by case (the customer), activity (the
 * touchpoint's name) and timestamp.
 *
 * The customers are walked again one by one with their own random
 * streams (sim_tracer_walk), after and apart from the simulation: the
 * counted walk loop never writes anything down for the log, and the log
 * holds exactly the paths that were counted.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim.h"
#include "util.h"

/* ISO 8601 UTC with seconds: 2026-01-01T00:00:00Z. */
static int sim_trace_time(char *buf, size_t len, long long secs)
{
	time_t t = (time_t)secs;
	struct tm tm;

	if (!gmtime_r(&t, &tm))
		return -1;
	return strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) ? 0 : -1;
}

/* The rows of one customer.  Times are kept in whole seconds from the
 * customer's start, rounded from the summed dwell so that rounding never
 * accumulates; a visit without dwell still takes one second. */
static int sim_trace_case(FILE *out, const struct mot_journey *j,
			  char *const *names, const char *persona, uint64_t c,
			  const uint16_t *path, uint32_t steps)
{
	long long start = SIM_TRACE_EPOCH + 60 * (long long)c, t = start;
	double minutes = 0;
	char ts[64];

	for (uint32_t i = 0; i < steps; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[path[i]];
		long long next;

		if (sim_trace_time(ts, sizeof ts, t) != 0)
			return -1;
		if (fprintf(out, "%" PRIu64 ",%s,%s,%s,%s" UTIL_CSV_EOL, c,
			    names[path[i]], ts, model_stage_key(tp->stage),
			    persona) < 0)
			return -1;
		minutes += tp->dwell;
		next = start + llround(minutes * 60.0);
		t = next > t ? next : t + 1;
	}
	return 0;
}

int sim_trace_csv(FILE *out, const struct mot_journey *j,
		  const struct sim_model *m, uint64_t seed, uint64_t n)
{
	size_t nt = j->n_touchpoints, np = j->n_personas;
	char **names = xcalloc(nt + 1, sizeof *names);
	char **personas = xcalloc(np + 1, sizeof *personas);
	struct sim_tracer *tr = sim_tracer_new(m, seed);
	int rc = 0;

	/* Quoted once per touchpoint, not once per row. */
	for (size_t i = 0; i < nt; i++)
		names[i] = util_csv_quote(j->touchpoints[i].name &&
					   *j->touchpoints[i].name ?
					   j->touchpoints[i].name :
					   j->touchpoints[i].key);
	for (size_t k = 0; k < np; k++)
		personas[k] = util_csv_quote(j->personas[k].key);
	if (fputs("case_id,activity,timestamp,stage,persona" UTIL_CSV_EOL,
		  out) < 0)
		rc = -1;
	for (uint64_t c = 0; c < n && rc == 0; c++) {
		struct sim_walk_info info;
		const uint16_t *path = sim_tracer_walk(tr, c, &info);

		rc = sim_trace_case(out, j, names, np ? personas[info.persona] : "",
				    c, path, info.steps);
	}
	sim_tracer_free(tr);
	for (size_t i = 0; i < nt; i++)
		free(names[i]);
	for (size_t k = 0; k < np; k++)
		free(personas[k]);
	free(names);
	free(personas);
	return rc;
}

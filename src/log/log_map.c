/*
 * log_map.c - which touchpoint each activity of a log stands for: by key,
 * by name, or through a mapping file; and back from a stored log's
 * touchpoint keys to the journey's touchpoints as they are now.
 */
#include "log.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void log_map_report_free(struct log_map_report *r)
{
	for (size_t i = 0; i < r->n_unmapped; i++)
		free(r->unmapped[i]);
	free(r->unmapped);
	free(r->unmapped_events);
	free(r->ambiguous);
	memset(r, 0, sizeof *r);
}

/* Every pair names a touchpoint of j (or none), each activity once. */
static int log_map_check(const struct mot_journey *j,
			 const struct log_map_pair *pairs, size_t n,
			 struct mot_diags *d)
{
	size_t errors = d->errors;

	for (size_t i = 0; i < n; i++) {
		const struct log_map_pair *p = &pairs[i];

		if (p->touchpoint && model_touchpoint_find(j, p->touchpoint) < 0) {
			model_diag_add(d, MOT_ERROR, "", "'%s' maps to '%s', which "
				       "is no touchpoint of journey '%s'",
				       p->activity, p->touchpoint, j->key);
			d->items[d->n - 1].line = p->line;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(pairs[k].activity, p->activity) == 0) {
				model_diag_add(d, MOT_ERROR, "", "'%s' is mapped "
					       "twice (first on line %u)",
					       p->activity, pairs[k].line);
				d->items[d->n - 1].line = p->line;
				break;
			}
	}
	return d->errors == errors ? 0 : -1;
}

enum { LOG_MAP_NONE = -1, LOG_MAP_IGNORE = -2, LOG_MAP_AMBIGUOUS = -3 };

/* The touchpoint index for an activity, or one of LOG_MAP_*. */
static long log_map_one(const struct mot_journey *j, const char *act,
			const struct log_map_pair *pairs, size_t n)
{
	long by_name = LOG_MAP_NONE, i = model_touchpoint_find(j, act);

	if (i >= 0)
		return i;
	for (size_t t = 0; t < j->n_touchpoints; t++)
		if (util_streq(j->touchpoints[t].name, act))
			by_name = by_name == LOG_MAP_NONE ? (long)t :
				  LOG_MAP_AMBIGUOUS;
	if (by_name >= 0)
		return by_name;
	for (size_t k = 0; k < n; k++)
		if (strcmp(pairs[k].activity, act) == 0)
			return pairs[k].touchpoint ?
			       model_touchpoint_find(j, pairs[k].touchpoint) :
			       LOG_MAP_IGNORE;
	return by_name;
}

static void log_map_unmapped(struct log_map_report *r, const char *name,
			     uint64_t events, bool ambiguous)
{
	size_t n = r->n_unmapped + 1;

	r->unmapped = xrealloc(r->unmapped, n * sizeof *r->unmapped);
	r->unmapped_events = xrealloc(r->unmapped_events,
				      n * sizeof *r->unmapped_events);
	r->ambiguous = xrealloc(r->ambiguous, n * sizeof *r->ambiguous);
	/* Most events first: insertion keeps the list sorted. */
	size_t at = r->n_unmapped;
	while (at > 0 && r->unmapped_events[at - 1] < events)
		at--;
	memmove(r->unmapped + at + 1, r->unmapped + at,
		(r->n_unmapped - at) * sizeof *r->unmapped);
	memmove(r->unmapped_events + at + 1, r->unmapped_events + at,
		(r->n_unmapped - at) * sizeof *r->unmapped_events);
	memmove(r->ambiguous + at + 1, r->ambiguous + at,
		(r->n_unmapped - at) * sizeof *r->ambiguous);
	r->unmapped[at] = xstrdup(name);
	r->unmapped_events[at] = events;
	r->ambiguous[at] = ambiguous;
	r->n_unmapped = n;
}

/* Take out the events of the activities whose new index is -1, and the
 * cases left without events; renumber the others. */
static void log_map_drop(struct mot_log *l, const long *newidx)
{
	size_t out = 0, cases = 0;

	for (size_t c = 0; c < l->n_cases; c++) {
		struct mot_log_case k = l->cases[c];
		size_t first = out;

		for (size_t e = k.first; e < k.first + k.n; e++)
			if (newidx[l->act[e]] >= 0) {
				l->act[out] = (uint32_t)newidx[l->act[e]];
				l->time[out++] = l->time[e];
			}
		if (out > first)
			l->cases[cases++] = (struct mot_log_case){
				k.id, first, (uint32_t)(out - first) };
	}
	l->n_events = out;
	l->n_cases = cases;
}

/* Put the mapping in place: keys on the activities, ignored ones gone. */
static void log_map_apply(struct mot_log *l, const struct mot_journey *j,
			  const long *tp, struct log_map_report *r)
{
	long *newidx = xmalloc(l->n_activities * sizeof *newidx);
	size_t kept = 0;
	bool dropped = false;

	for (size_t a = 0; a < l->n_activities; a++) {
		struct mot_log_activity *act = &l->activities[a];

		if (tp[a] == LOG_MAP_IGNORE) {
			r->ignored++;
			r->ignored_events += act->events;
			free(act->name);
			newidx[a] = -1;
			dropped = true;
			continue;
		}
		act->touchpoint = xstrdup(j->touchpoints[tp[a]].key);
		newidx[a] = (long)kept;
		l->activities[kept++] = *act;
	}
	l->n_activities = kept;
	if (dropped)
		log_map_drop(l, newidx);
	free(newidx);
}

int log_map(struct mot_log *l, const struct mot_journey *j,
	    const struct log_map_pair *pairs, size_t n_pairs,
	    struct log_map_report *r, struct mot_diags *d)
{
	long *tp;
	int rc = 0;

	memset(r, 0, sizeof *r);
	if (log_map_check(j, pairs, n_pairs, d) != 0)
		return -1;
	tp = xmalloc((l->n_activities ? l->n_activities : 1) * sizeof *tp);
	for (size_t a = 0; a < l->n_activities; a++) {
		tp[a] = log_map_one(j, l->activities[a].name, pairs, n_pairs);
		if (tp[a] == LOG_MAP_NONE || tp[a] == LOG_MAP_AMBIGUOUS) {
			log_map_unmapped(r, l->activities[a].name,
					 l->activities[a].events,
					 tp[a] == LOG_MAP_AMBIGUOUS);
			rc = -1;
		}
	}
	if (rc == 0)
		log_map_apply(l, j, tp, r);
	free(tp);
	return rc;
}

int log_touchpoints(const struct mot_log *l, const struct mot_journey *j,
		    size_t *tp, char *err, size_t errlen)
{
	for (size_t a = 0; a < l->n_activities; a++) {
		const struct mot_log_activity *act = &l->activities[a];
		long i = act->touchpoint ? model_touchpoint_find(j, act->touchpoint)
					 : -1;

		if (i < 0) {
			snprintf(err, errlen, "log '%s': activity '%s' stands for "
				 "touchpoint '%s', which journey '%s' no longer "
				 "has; import the log again", l->name ? l->name : "",
				 act->name, act->touchpoint ? act->touchpoint : "",
				 j->key);
			return -1;
		}
		tp[a] = (size_t)i;
	}
	return 0;
}

/*
 * ui_view.c - the open journey as the screens read it: where each stage's
 * cards start, the most likely path the emotion curve follows, which
 * touchpoints take part in loops of the messy middle, and a key index.
 *
 * Worked out once per load, so that moving around a journey of a thousand
 * touchpoints costs nothing per keystroke.  No curses.
 */
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "journey_path.h"
#include "util.h"

void ui_view_init(struct ui_view *v)
{
	memset(v, 0, sizeof *v);
	model_journey_init(&v->j);
}

void ui_view_free(struct ui_view *v)
{
	model_journey_free(&v->j);
	free(v->path);
	free(v->path_pos);
	free(v->loops);
	free(v->by_key);
	free(v->in_off);
	free(v->in);
	ui_view_init(v);
}

/* qsort has no context argument: the journey being indexed. */
static const struct mot_journey *ui_view_sorting;

static int ui_view_key_cmp(const void *a, const void *b)
{
	const struct mot_touchpoint *tp = ui_view_sorting->touchpoints;

	return strcmp(tp[*(const size_t *)a].key, tp[*(const size_t *)b].key);
}

static void ui_view_index(struct ui_view *v)
{
	size_t n = v->j.n_touchpoints;

	v->by_key = xcalloc(n + 1, sizeof *v->by_key);
	for (size_t i = 0; i < n; i++)
		v->by_key[i] = i;
	ui_view_sorting = &v->j;
	qsort(v->by_key, n, sizeof *v->by_key, ui_view_key_cmp);
	ui_view_sorting = NULL;
}

long ui_view_find(const struct ui_view *v, const char *key)
{
	size_t lo = 0, hi = v->j.n_touchpoints;

	if (!key || !v->by_key)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v->j.touchpoints[v->by_key[mid]].key, key);

		if (c == 0)
			return (long)v->by_key[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static bool ui_view_messy(enum mot_phase p)
{
	return p == MOT_PHASE_EXPLORATION || p == MOT_PHASE_EVALUATION;
}

enum ui_loop ui_view_loop(const struct ui_view *v, size_t from, long to)
{
	enum mot_phase a, b;

	if (to < 0)
		return UI_LOOP_NONE;
	a = v->j.touchpoints[from].phase;
	b = v->j.touchpoints[to].phase;
	if (ui_view_messy(a) && ui_view_messy(b) && a != b)
		return UI_LOOP_MESSY;
	return journey_is_loop(from, to) ? UI_LOOP_BACK : UI_LOOP_NONE;
}

/* Cards mark only the messy middle's loops: back edges are everywhere
 * in real journeys, and marking them all would make the mark say nothing. */
static void ui_view_loops(struct ui_view *v)
{
	size_t n = v->j.n_touchpoints;

	v->loops = xcalloc(n + 1, sizeof *v->loops);
	for (size_t i = 0; i < n; i++) {
		const struct mot_touchpoint *tp = &v->j.touchpoints[i];

		for (size_t k = 0; k < tp->n_next; k++) {
			long t = ui_view_find(v, tp->next[k].to);

			if (ui_view_loop(v, i, t) == UI_LOOP_MESSY) {
				v->loops[i]++;
				v->loops[t]++;
			}
		}
	}
}

/* Incoming transitions per touchpoint (counting sort by target), so the
 * detail panel and the transitions screen need not scan the journey. */
static void ui_view_incoming(struct ui_view *v)
{
	size_t n = v->j.n_touchpoints, total = 0, *fill;

	v->in_off = xcalloc(n + 2, sizeof *v->in_off);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v->j.touchpoints[i].n_next; k++) {
			long t = ui_view_find(v, v->j.touchpoints[i].next[k].to);

			if (t >= 0) {
				v->in_off[t + 1]++;
				total++;
			}
		}
	for (size_t i = 0; i < n; i++)
		v->in_off[i + 1] += v->in_off[i];
	v->in = xcalloc(total + 1, sizeof *v->in);
	fill = xcalloc(n + 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v->j.touchpoints[i].n_next; k++) {
			long t = ui_view_find(v, v->j.touchpoints[i].next[k].to);

			if (t >= 0)
				v->in[v->in_off[t] + fill[t]++] =
					(struct ui_in_link){ i, k };
		}
	free(fill);
}

void ui_view_set(struct ui_view *v, struct mot_journey *j)
{
	size_t n;

	ui_view_free(v);
	v->j = *j;
	model_journey_init(j);
	n = v->j.n_touchpoints;
	/* The store loads touchpoints sorted by stage: ranges are enough. */
	model_journey_sort(&v->j);
	for (size_t i = n; i-- > 0;) {
		enum mot_stage s = v->j.touchpoints[i].stage;

		if ((unsigned)s >= MOT_STAGE_COUNT)
			continue;
		v->stage_start[s] = i;
		v->stage_count[s]++;
	}
	for (int s = 1; s < MOT_STAGE_COUNT; s++)
		if (v->stage_count[s] == 0)
			v->stage_start[s] = v->stage_start[s - 1] +
				v->stage_count[s - 1];
	ui_view_index(v);
	v->path = xcalloc(n + 1, sizeof *v->path);
	v->path_pos = xcalloc(n + 1, sizeof *v->path_pos);
	v->n_path = journey_path_likely(&v->j, v->path);
	for (size_t i = 0; i < n; i++)
		v->path_pos[i] = -1;
	for (size_t k = 0; k < v->n_path; k++)
		v->path_pos[v->path[k]] = (long)k;
	ui_view_loops(v);
	ui_view_incoming(v);
}

int ui_view_load(struct ui_view *v, struct store *s, const char *key)
{
	struct mot_journey j;
	int rc = store_journey_load(s, key, &j);

	if (rc == STORE_OK)
		ui_view_set(v, &j);
	return rc;
}

long ui_view_at(const struct ui_view *v, enum mot_stage s, size_t row)
{
	if ((unsigned)s >= MOT_STAGE_COUNT || row >= v->stage_count[s])
		return -1;
	return (long)(v->stage_start[s] + row);
}

double ui_view_entry(const struct ui_view *v, size_t i)
{
	const char *key = v->j.touchpoints[i].key;

	for (size_t e = 0; e < v->j.n_entries; e++)
		if (util_streq(v->j.entries[e].to, key))
			return v->j.entries[e].weight;
	return 0;
}

long ui_view_search(const struct ui_view *v, const char *needle, long after)
{
	size_t n = v->j.n_touchpoints, nl;
	wchar_t *w = ui_wcs_from_utf8(needle, &nl);
	long found = -1;

	for (size_t k = 1; nl > 0 && k <= n && found < 0; k++) {
		size_t i = (size_t)((after + (long)k) % (long)n + (long)n) % n;

		if (ui_lanes_match(&v->j.touchpoints[i], w) != UI_MATCH_NONE)
			found = (long)i;
	}
	free(w);
	return found;
}

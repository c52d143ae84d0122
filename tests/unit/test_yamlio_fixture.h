/*
 * test_yamlio_fixture.h - helpers of the journey file tests (test_yamlio.c,
 * test_yamlio_bad.c): fixtures read relative to $MOT_TOP, loads that must
 * succeed, a journey written into a string, and journeys compared field
 * by field.
 */
#ifndef TEST_YAMLIO_FIXTURE_H
#define TEST_YAMLIO_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <unistd.h>

#include "model.h"
#include "util.h"
#include "yamlio.h"

static inline char *fixture(const char *rel)
{
	const char *top = getenv("MOT_TOP");

	return xasprintf("%s/%s", top && *top ? top : ".", rel);
}

static inline void load_ok(const char *rel, struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	char *path = fixture(rel);
	int rc = yamlio_load_file(path, j, &d);

	if (rc != 0)
		yamlio_print_diags(stderr, path, &d);
	assert_int_equal(rc, 0);
	assert_int_equal(d.errors, 0);
	model_diags_free(&d);
	free(path);
}

static inline void load_buffer_ok(const char *data, size_t len, struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	int rc = yamlio_load_buffer("buffer", data, len, j, &d);

	if (rc != 0)
		yamlio_print_diags(stderr, "buffer", &d);
	assert_int_equal(rc, 0);
	model_diags_free(&d);
}

static inline char *write_str(const struct mot_journey *j, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	assert_non_null(f);
	assert_int_equal(yamlio_write(f, j), 0);
	assert_int_equal(fclose(f), 0);
	if (len)
		*len = n;
	return buf;
}

static inline char *read_fixture(const char *rel)
{
	char *path = fixture(rel), *data, err[256];
	size_t len;

	if (util_read_file(path, 1u << 24, &data, &len, err, sizeof err) != 0)
		fail_msg("%s", err);
	free(path);
	return data;
}

static inline void assert_text(const char *a, const char *b, const char *what)
{
	if (!util_streq(a, b))
		fail_msg("%s: \"%s\" != \"%s\"", what, a ? a : "(null)",
			 b ? b : "(null)");
}

static inline void assert_same_number(double a, double b, const char *what)
{
	if (!(a == b))
		fail_msg("%s: %.17g != %.17g", what, a, b);
}

static inline void assert_touchpoints_equal(const struct mot_touchpoint *a,
				     const struct mot_touchpoint *b)
{
	assert_text(a->key, b->key, "touchpoint key");
	assert_text(a->name, b->name, a->key);
	assert_int_equal(a->stage, b->stage);
	assert_int_equal(a->phase, b->phase);
	assert_text(a->channel, b->channel, "channel");
	assert_text(a->owner, b->owner, "owner");
	assert_int_equal(a->controlled, b->controlled);
	assert_int_equal(a->emotion, b->emotion);
	assert_int_equal(a->critical, b->critical);
	assert_int_equal(a->human, b->human);
	assert_same_number(a->dwell, b->dwell, "dwell");
	assert_int_equal(a->conversion, b->conversion);
	assert_same_number(a->drop, b->drop, "drop");
	assert_text(a->notes, b->notes, "notes");
	assert_text(a->thinking, b->thinking, "thinking");
	assert_text(a->backstage, b->backstage, "backstage");
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		const struct mot_list *x = model_lane_list_const(a, l);
		const struct mot_list *y = model_lane_list_const(b, l);
		for (size_t k = 0; x && k < x->n && k < y->n; k++)
			assert_text(x->items[k], y->items[k], model_lane_key(l));
		if (x)
			assert_int_equal(x->n, y->n);
	}
	assert_int_equal(a->n_kpis, b->n_kpis);
	for (size_t k = 0; k < a->n_kpis; k++) {
		assert_text(a->kpis[k].name, b->kpis[k].name, "kpi name");
		assert_text(a->kpis[k].unit, b->kpis[k].unit, "kpi unit");
	}
	assert_true(model_lanes_equal(a, b));
	assert_int_equal(a->n_next, b->n_next);
	for (size_t k = 0; k < a->n_next; k++) {
		assert_text(a->next[k].to, b->next[k].to, "next.to");
		assert_same_number(a->next[k].weight, b->next[k].weight,
				   "next.weight");
		assert_text(a->next[k].label, b->next[k].label, "next.label");
	}
}

static inline void assert_personas_equal(const struct mot_persona *a,
				  const struct mot_persona *b)
{
	assert_text(a->key, b->key, "persona key");
	assert_text(a->name, b->name, "persona name");
	assert_text(a->description, b->description, "persona description");
	assert_same_number(a->share, b->share, "share");
	assert_int_equal(a->patience, b->patience);
	assert_same_number(a->explore_bias, b->explore_bias, "explore_bias");
	assert_same_number(a->emotion_sensitivity, b->emotion_sensitivity,
			   "emotion_sensitivity");
}

static inline void assert_journeys_equal(const struct mot_journey *a,
				  const struct mot_journey *b)
{
	assert_text(a->key, b->key, "key");
	assert_text(a->title, b->title, "title");
	assert_text(a->description, b->description, "description");
	assert_int_equal(a->n_personas, b->n_personas);
	for (size_t i = 0; i < a->n_personas; i++)
		assert_personas_equal(&a->personas[i], &b->personas[i]);
	assert_int_equal(a->n_entries, b->n_entries);
	for (size_t i = 0; i < a->n_entries; i++) {
		assert_text(a->entries[i].to, b->entries[i].to, "entry");
		assert_same_number(a->entries[i].weight, b->entries[i].weight,
				   "entry weight");
	}
	assert_int_equal(a->n_touchpoints, b->n_touchpoints);
	for (size_t i = 0; i < a->n_touchpoints; i++)
		assert_touchpoints_equal(&a->touchpoints[i], &b->touchpoints[i]);
}

/* write, load, compare; write again, same bytes.  Returns the text. */
static inline char *assert_round_trip(const struct mot_journey *j)
{
	struct mot_journey back;
	size_t len, len2;
	char *out = write_str(j, &len), *again;

	load_buffer_ok(out, len, &back);
	assert_journeys_equal(j, &back);
	again = write_str(&back, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(out, again, len);
	free(again);
	model_journey_free(&back);
	return out;
}

static inline const struct mot_touchpoint *tp_by_key(const struct mot_journey *j,
					      const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	return &j->touchpoints[i];
}

#endif

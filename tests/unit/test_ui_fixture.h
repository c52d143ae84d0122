/*
 * test_ui_fixture.h - a database in a temporary directory holding a small
 * journey, for the UI's store-backed tests (test_store_ui.c,
 * test_ui_undo.c, test_ui_view.c):
 *
 *   ad (<ZMOT, exposure) -> search (ZMOT, exploration) <-> compare (ZMOT,
 *   evaluation) -> buy (SMOT, conversion) -> review (TMOT, experience)
 *
 * with "ad" the entry (weight 2) and one persona.  Include after cmocka.h.
 */
#ifndef TEST_UI_FIXTURE_H
#define TEST_UI_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "store.h"
#include "util.h"

struct ui_fixture {
	char dir[64];
	char *path;
	struct store *s;
};

static inline int ui_fixture_setup(void **state)
{
	struct ui_fixture *f = xcalloc(1, sizeof *f);
	char err[256];

	snprintf(f->dir, sizeof f->dir, "/tmp/mot-ui-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->path = xasprintf("%s/mot.db", f->dir);
	if (store_open(f->path, &f->s, NULL, err, sizeof err) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static inline int ui_fixture_teardown(void **state)
{
	static const char *const files[] = { "mot.db", "mot.db-wal",
		"mot.db-shm" };
	struct ui_fixture *f = *state;

	store_close(f->s);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *p = xasprintf("%s/%s", f->dir, files[i]);
		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

static inline void ui_fixture_next(struct mot_touchpoint *tp, const char *to,
				   double w, const char *label)
{
	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->next[tp->n_next].label = xstrdup(label);
	tp->n_next++;
}

static inline void ui_fixture_journey(struct mot_journey *j, const char *key)
{
	static const struct {
		const char *key, *name;
		enum mot_stage stage;
		enum mot_phase phase;
		int emotion;
	} tps[] = {
		{ "ad", "Advert", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 1 },
		{ "search", "Search", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0 },
		{ "compare", "Vergleich 比較", MOT_STAGE_ZMOT,
		  MOT_PHASE_EVALUATION, -1 },
		{ "buy", "Buy", MOT_STAGE_SMOT, MOT_PHASE_NONE, 2 },
		{ "review", "Review", MOT_STAGE_TMOT, MOT_PHASE_EXPERIENCE, 3 },
	};
	size_t n = sizeof tps / sizeof tps[0];

	model_journey_init(j);
	j->key = xstrdup(key);
	j->title = xstrdup("Test journey");
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];

		model_touchpoint_init(tp);
		tp->key = xstrdup(tps[i].key);
		tp->name = xstrdup(tps[i].name);
		tp->stage = tps[i].stage;
		tp->phase = tps[i].phase;
		tp->emotion = tps[i].emotion;
		tp->drop = 0.1;
	}
	j->touchpoints[3].conversion = true;
	ui_fixture_next(&j->touchpoints[0], "search", 3, "looks it up");
	ui_fixture_next(&j->touchpoints[1], "compare", 2, NULL);
	ui_fixture_next(&j->touchpoints[2], "search", 1, "not convinced");
	ui_fixture_next(&j->touchpoints[2], "buy", 1.5, NULL);
	ui_fixture_next(&j->touchpoints[3], "review", 1, NULL);
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("ad");
	j->entries[0].weight = 2;
	j->n_entries = 1;
	j->personas = xcalloc(1, sizeof *j->personas);
	model_persona_init(&j->personas[0]);
	j->personas[0].key = xstrdup("p1");
	j->personas[0].name = xstrdup("Persona one");
	j->n_personas = 1;
}

static inline void ui_fixture_import(struct store *s, const char *key)
{
	struct mot_journey j;

	ui_fixture_journey(&j, key);
	assert_int_equal(store_journey_import(s, &j, 1, false, NULL), STORE_OK);
	model_journey_free(&j);
}

static inline void ui_fixture_load(struct store *s, const char *key,
				   struct mot_journey *j)
{
	assert_int_equal(store_journey_load(s, key, j), STORE_OK);
}

/* Index of a touchpoint that must be there. */
static inline size_t ui_fixture_find(const struct mot_journey *j,
				     const char *key)
{
	long i = model_touchpoint_find(j, key);

	assert_true(i >= 0);
	return (size_t)i;
}

#endif

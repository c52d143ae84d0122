/*
 * test_sim_fixture.h - journeys built in code for the simulation and
 * analysis tests (tests/unit/test_sim*.c, test_analyze.c).
 */
#ifndef MOT_TEST_SIM_FIXTURE_H
#define MOT_TEST_SIM_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

static inline void fx_journey(struct mot_journey *j, const char *key)
{
	model_journey_init(j);
	j->key = xstrdup(key);
	j->title = xasprintf("Journey %s", key);
}

/* A touchpoint; returns it for further settings. */
static inline struct mot_touchpoint *fx_tp(struct mot_journey *j,
					   const char *key, enum mot_stage s,
					   enum mot_phase p, double drop)
{
	struct mot_touchpoint *tp;

	j->touchpoints = xrealloc(j->touchpoints,
				  (j->n_touchpoints + 1) * sizeof *tp);
	tp = &j->touchpoints[j->n_touchpoints++];
	model_touchpoint_init(tp);
	tp->key = xstrdup(key);
	tp->name = xasprintf("Name of %s", key);
	tp->stage = s;
	tp->phase = p;
	tp->drop = drop;
	return tp;
}

static inline void fx_next(struct mot_journey *j, const char *from,
			   const char *to, double w)
{
	struct mot_touchpoint *tp =
		&j->touchpoints[model_touchpoint_find(j, from)];

	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->n_next++;
}

static inline void fx_entry(struct mot_journey *j, const char *to, double w)
{
	j->entries = xrealloc(j->entries, (j->n_entries + 1) * sizeof *j->entries);
	j->entries[j->n_entries].to = xstrdup(to);
	j->entries[j->n_entries].weight = w;
	j->n_entries++;
}

static inline struct mot_persona *fx_persona(struct mot_journey *j,
					     const char *key, double share,
					     double bias)
{
	struct mot_persona *p;

	j->personas = xrealloc(j->personas, (j->n_personas + 1) * sizeof *p);
	p = &j->personas[j->n_personas++];
	model_persona_init(p);
	p->key = xstrdup(key);
	p->name = xasprintf("Persona %s", key);
	p->share = share;
	p->explore_bias = bias;
	return p;
}

/*
 * A messy middle: ad -> search <-> compare -> buy -> review, with drops,
 * a loop whose weights explore_bias scales, and two personas.
 */
static inline void fx_shop(struct mot_journey *j)
{
	fx_journey(j, "shop");
	fx_tp(j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE, 0.2)->emotion = 1;
	fx_tp(j, "search", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION, 0.1);
	fx_tp(j, "compare", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, 0.15)->emotion = -1;
	fx_tp(j, "buy", MOT_STAGE_FMOT, MOT_PHASE_NONE, 0.05)->conversion = true;
	fx_tp(j, "use", MOT_STAGE_SMOT, MOT_PHASE_EXPERIENCE, 0.1)->emotion = 2;
	fx_tp(j, "review", MOT_STAGE_TMOT, MOT_PHASE_NONE, 1.0);
	fx_next(j, "ad", "search", 3);
	fx_next(j, "ad", "compare", 1);
	fx_next(j, "search", "compare", 2);
	fx_next(j, "compare", "search", 1);
	fx_next(j, "compare", "buy", 1);
	fx_next(j, "buy", "use", 1);
	fx_next(j, "use", "review", 1);
	fx_entry(j, "ad", 2);
	fx_entry(j, "search", 1);
	fx_persona(j, "quick", 0.6, 0.5);
	fx_persona(j, "careful", 0.4, 2.0)->emotion_sensitivity = 1.5;
}

/* The sample journeys: every .yaml file in $MOT_TOP/journeys, sorted. */
static inline char **fx_sample_files(size_t *n)
{
	const char *top = getenv("MOT_TOP");
	char *dir = xasprintf("%s/journeys", top && *top ? top : ".");
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	while (d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
			util_reserve((void **)&names, &cap, *n + 1, sizeof *names);
			names[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	if (d)
		closedir(d);
	free(dir);
	for (size_t i = 1; i < *n; i++)
		for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
			char *t = names[k];
			names[k] = names[k - 1];
			names[k - 1] = t;
		}
	return names;
}

#endif

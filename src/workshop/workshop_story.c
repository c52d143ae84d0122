/*
 * workshop_story.c - single customers told as a story for the
 * walkthrough: the walk the simulation made, with mood and events.
 */
#include "workshop.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "workshop_int.h"

static bool ws_has_next(const struct mot_touchpoint *from, const char *to)
{
	for (size_t k = 0; k < from->n_next; k++)
		if (util_streq(from->next[k].to, to))
			return true;
	return false;
}

/*
 * Whether step i was reached by exposure rather than by a transition.
 * The path does not say which random draw sent the customer on, so the
 * rule is: the full model, not bought yet (exposure only comes before the
 * purchase), an exposure-phase touchpoint, and no transition to it from
 * the touchpoint before.  A re-exposure to a touchpoint that the one
 * before also leads to is told as the transition.
 */
static bool ws_reexposed(const struct mot_journey *j, bool plain,
			 const struct ws_step *prev, size_t tp, bool bought)
{
	const struct mot_touchpoint *t = &j->touchpoints[tp];

	return !plain && !bought && t->phase == MOT_PHASE_EXPOSURE &&
	       !ws_has_next(&j->touchpoints[prev->tp], t->key);
}

static unsigned ws_rating(double mood)
{
	if (mood >= SIM_PROMOTER_MOOD)
		return WS_EV_PROMOTER;
	if (mood <= SIM_DETRACTOR_MOOD)
		return WS_EV_DETRACTOR;
	return WS_EV_PASSIVE;
}

static unsigned ws_end_event(enum sim_end e)
{
	switch (e) {
	case SIM_END_DROP:
		return WS_EV_DROP;
	case SIM_END_EXIT:
		return WS_EV_EXIT;
	case SIM_END_PATIENCE:
		return WS_EV_PATIENCE;
	default:
		return WS_EV_CUT;
	}
}

/* The walk's state as the counting pass of the engine keeps it. */
struct ws_walk_state {
	double mood, sens;
	unsigned loops;
	enum mot_phase last;   /* last exploration/evaluation phase */
	bool bought, rated;
};

static void ws_story_step(const struct mot_journey *j, bool plain,
			  struct ws_walk_state *w, struct ws_step *s, size_t i)
{
	const struct mot_touchpoint *tp = &j->touchpoints[s->tp];

	w->mood = SIM_MOOD_DECAY * w->mood + w->sens * tp->emotion;
	s->mood = w->mood;
	s->events = i == 0 ? WS_EV_ENTER : 0;
	if (i > 0 && ws_reexposed(j, plain, s - 1, s->tp, w->bought))
		s->events |= WS_EV_REEXPOSED;
	if (tp->phase == MOT_PHASE_EXPLORATION &&
	    w->last == MOT_PHASE_EVALUATION) {
		w->loops++;
		s->events |= WS_EV_LOOP;
	}
	if (tp->phase == MOT_PHASE_EXPLORATION ||
	    tp->phase == MOT_PHASE_EVALUATION)
		w->last = tp->phase;
	if (tp->conversion && !w->bought) {
		w->bought = true;
		s->events |= WS_EV_BUY;
	}
	if (tp->stage == MOT_STAGE_TMOT && !w->rated) {
		w->rated = true;
		s->events |= ws_rating(w->mood);
	}
	s->loops = w->loops;
}

int ws_story(const struct mot_journey *j, const struct ws_settings *set,
	     uint64_t c, struct ws_story *out, char *err, size_t errlen)
{
	struct ws_walk_state w = { 0, MOT_DEFAULT_EMOTION_SENSITIVITY, 0,
				   MOT_PHASE_NONE, false, false };
	struct sim_options o;
	struct sim_model *m;
	struct sim_tracer *tr;
	struct sim_walk_info info;
	const uint16_t *path;

	memset(out, 0, sizeof *out);
	ws_sim_options(set, &o);
	if (sim_compile(j, &o, &m, err, errlen) != 0)
		return -1;
	tr = sim_tracer_new(m, set->seed);
	path = sim_tracer_walk(tr, c, &info);
	out->customer = c;
	out->persona = info.persona;
	out->n = info.steps;
	out->steps = xcalloc(out->n + 1, sizeof *out->steps);
	if (j->n_personas)
		w.sens = j->personas[info.persona].emotion_sensitivity;
	for (size_t i = 0; i < out->n; i++) {
		out->steps[i].tp = path[i];
		ws_story_step(j, set->plain, &w, &out->steps[i], i);
	}
	if (out->n)
		out->steps[out->n - 1].events |= ws_end_event(info.end);
	out->bought = w.bought;
	sim_tracer_free(tr);
	sim_model_free(m);
	return 0;
}

void ws_story_free(struct ws_story *s)
{
	free(s->steps);
	memset(s, 0, sizeof *s);
}

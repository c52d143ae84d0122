/*
 * journey_path.h - walks through a journey graph that several views share:
 * the most likely path (the emotion curve of the journey-map exports, and
 * the UI), the walk order (tasks of a Mermaid journey) and which
 * transitions loop back.  Model level: no I/O, no allocation kept.
 */
#ifndef MOT_JOURNEY_PATH_H
#define MOT_JOURNEY_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * The most likely path of one customer: from the highest-weight entry,
 * follow the highest-weight outgoing transition to a touchpoint not yet
 * visited, until none is left or the step would leave TMOT for an earlier
 * stage (the sharing of this customer is the exposure of another: their
 * journey ends there).  Ties go to the one listed first.  `path` must hold
 * j->n_touchpoints indices; returns how many it holds (0 when the journey
 * has no usable entry).
 */
size_t journey_path_likely(const struct mot_journey *j, size_t *path);

/*
 * Every touchpoint index once, in the order a customer meets them: breadth
 * first from the entries, heavier entries and transitions first; the
 * touchpoints no entry reaches follow in their stored order.  `order` must
 * hold j->n_touchpoints indices.
 */
void journey_walk_order(const struct mot_journey *j, size_t *order);

/*
 * True when the transition from touchpoint `from` to `to` goes back in the
 * journey (to the same or an earlier touchpoint in stage order): the loops
 * of the messy middle.  `to` may be -1 (unknown target): false.
 */
bool journey_is_loop(size_t from, long to);

/* Sum of the weights of a touchpoint's transitions (0 when it has none). */
double journey_out_weight(const struct mot_touchpoint *tp);

#endif

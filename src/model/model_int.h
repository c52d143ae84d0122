/*
 * model_int.h - private to src/model/: what model.c needs of the lanes
 * (model_lanes.c) for a touchpoint's lifetime and field checks.
 */
#ifndef MOT_MODEL_INT_H
#define MOT_MODEL_INT_H

#include "model.h"

/* Free the lanes of tp (the fields are left empty). */
void model_lanes_free(struct mot_touchpoint *tp);
/* Deep-copy the lanes of src into dst, whose lane fields are overwritten. */
void model_lanes_copy(struct mot_touchpoint *dst,
		      const struct mot_touchpoint *src);
/* Field checks of every lane of touchpoints[i]. */
void model_check_lanes(const struct mot_touchpoint *tp, size_t i,
		       struct mot_diags *d);

#endif

/*
 * workshop_heat.c - the simulation behind a heat-map picture.  The export
 * module draws simulated figures but never runs the engine; its callers
 * (the CLI's `export --sim`, the designer's `x`) run it here, one way.
 */
#include "workshop.h"

int ws_heat_run(const struct mot_journey *j, uint64_t customers,
		uint64_t seed, struct sim_result *res, char *err,
		size_t errlen)
{
	struct sim_options so;
	struct sim_model *model;
	struct sim_run run;
	int rc;

	sim_options_init(&so);
	so.flow = true;
	if (sim_compile(j, &so, &model, err, errlen) != 0)
		return -1;
	sim_run_init(&run);
	run.customers = customers;
	run.seed = seed;
	rc = sim_simulate(model, &run, res, err, errlen);
	sim_model_free(model);
	return rc == 0 ? 0 : -1;
}

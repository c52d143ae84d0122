/*
 * sim_market.c - word of mouth over time: a Bass diffusion whose
 * imitation comes from the promoters the journey makes, held back by its
 * detractors.
 *
 * Entries are simulated one by one in continuous time (Gillespie's
 * method): with R people still outside and P promoters, the next person
 * enters after an exponential time of rate R (p + q P / M).  No time step,
 * so no lag behind the continuous model.  The k-th entrant is customer k
 * of the seed; its outcome (bought, promoter) does not depend on when it
 * enters, so outcomes are walked ahead in parallel, a batch at a time.
 */
#include "sim_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SIM_MARKET_BATCH (1u << 18)
/* Entry times come from a stream apart from every customer's. */
#define SIM_MARKET_STREAM 0x6d61726b6574ULL

struct sim_entrants {
	const struct sim_model *m;
	const struct sim_market *mk;
	uint8_t *out;
	uint64_t first, n; /* out[] holds customers first .. first+n-1 */
};

static bool sim_market_cancelled(const struct sim_market *mk)
{
	return mk->cancel &&
	       atomic_load_explicit(mk->cancel, memory_order_relaxed) != 0;
}

/*
 * Entrant k's outcome into *o, walking the next batch ahead when needed;
 * false when the run was cancelled before that batch.  Progress is told
 * per batch: the walks are the run's cost, the event loop is cheap.
 */
static bool sim_entrant(struct sim_entrants *e, uint64_t k, uint8_t *o)
{
	const struct sim_market *mk = e->mk;

	if (k >= e->first + e->n) {
		uint64_t left = mk->people - k;

		if (sim_market_cancelled(mk))
			return false;
		e->first = k;
		e->n = left < SIM_MARKET_BATCH ? left : SIM_MARKET_BATCH;
		sim_outcomes(e->m, mk->seed, k, (size_t)e->n, e->out,
			     mk->threads);
		if (mk->progress)
			mk->progress(mk->progress_ctx, e->first + e->n,
				     mk->people);
	}
	*o = e->out[k - e->first];
	return true;
}

static int sim_market_check(const struct sim_market *mk, char *err,
			    size_t errlen)
{
	if (mk->people == 0 || mk->days == 0) {
		snprintf(err, errlen, "the market needs at least one person "
			 "and one day");
		return -1;
	}
	if (!(mk->p > 0) || !(mk->q >= 0) || !(mk->qd >= 0) ||
	    !isfinite(mk->p) || !isfinite(mk->q) || !isfinite(mk->qd)) {
		snprintf(err, errlen, "p must be above 0, q and qd at least 0");
		return -1;
	}
	return 0;
}

int sim_market_run(const struct sim_model *m, const struct sim_market *mk,
		   struct sim_market_day **days, char *err, size_t errlen)
{
	struct sim_entrants e = { m, mk, NULL, 0, 0 };
	struct sim_market_day *d;
	struct sim_rng rng;
	uint64_t outside = mk->people, promoters = 0, detractors = 0, k = 0;
	uint64_t adopters = 0;
	double t = 0, M = (double)mk->people;

	*days = NULL;
	if (sim_market_check(mk, err, errlen) != 0)
		return -1;
	d = xcalloc(mk->days, sizeof *d);
	e.out = xcalloc(SIM_MARKET_BATCH, 1);
	sim_rng_seed(&rng, mk->seed ^ SIM_MARKET_STREAM, UINT64_MAX / 8);
	while (outside > 0) {
		/* Detractors hold back marketing's entrants as well as the
		 * promoters'; when they outweigh both nobody enters again. */
		double pull = mk->p + (mk->q * (double)promoters -
				       mk->qd * (double)detractors) / M;
		double rate = (double)outside * pull;
		uint8_t o;
		size_t day;

		if (!(rate > 0))
			break;
		t += -log1p(-sim_rng_unit(&rng)) / rate;
		if (!(t < (double)mk->days))
			break;
		day = (size_t)t;
		if (!sim_entrant(&e, k++, &o))
			break;
		outside--;
		d[day].new_entrants++;
		d[day].purchases += o & 1u;
		promoters += (o >> 1) & 1u;
		detractors += (o >> 2) & 1u;
		d[day].promoters = promoters;
		d[day].detractors = detractors;
	}
	for (unsigned i = 0; i < mk->days; i++) {
		d[i].day = i + 1;
		adopters += d[i].purchases;
		d[i].cumulative_adopters = adopters;
		if (i > 0 && d[i].new_entrants == 0) {
			d[i].promoters = d[i - 1].promoters;
			d[i].detractors = d[i - 1].detractors;
		}
	}
	free(e.out);
	/* As sim_simulate: a cancel that came late still cancels. */
	if (sim_market_cancelled(mk)) {
		free(d);
		snprintf(err, errlen, SIM_CANCELLED);
		return -1;
	}
	if (mk->progress)
		mk->progress(mk->progress_ctx, mk->people, mk->people);
	*days = d;
	return 0;
}

/*
 * sim_stats.c - the statistics the simulation reports: intervals,
 * quantiles of histograms, and Bass's closed form.
 */
#include "sim_int.h"

#include <math.h>

#define SIM_Z95 1.959963984540054

/* Wilson's interval: unlike p +- z sqrt(p(1-p)/n) it stays inside 0..1
 * and does not collapse to a point when nobody (or everybody) buys. */
void sim_ci95(uint64_t k, uint64_t n, double *lo, double *hi)
{
	double p, z2, den, mid, half;

	if (n == 0) {
		*lo = 0;
		*hi = 1;
		return;
	}
	p = (double)k / (double)n;
	z2 = SIM_Z95 * SIM_Z95;
	den = 1 + z2 / (double)n;
	mid = (p + z2 / (2.0 * (double)n)) / den;
	half = SIM_Z95 * sqrt(p * (1 - p) / (double)n +
			      z2 / (4.0 * (double)n * (double)n)) / den;
	*lo = mid - half > 0 ? mid - half : 0;
	*hi = mid + half < 1 ? mid + half : 1;
}

unsigned sim_hist_quantile(const uint64_t *hist, uint64_t total, double q)
{
	uint64_t need, sum = 0;

	if (total == 0)
		return 0;
	need = (uint64_t)ceil(q * (double)total);
	if (need < 1)
		need = 1;
	for (unsigned i = 0; i < SIM_HIST; i++) {
		sum += hist[i];
		if (sum >= need)
			return i;
	}
	return SIM_HIST - 1;
}

/*
 * Each customer walks both scenarios with the same random numbers, so the
 * per-customer difference d is -1, 0 or +1 and most are 0: the interval
 * of the mean of d is far narrower than that of two independent runs.
 */
void sim_pair_diff(const struct sim_pair *p, uint64_t n, double *diff,
		   double *lo, double *hi)
{
	double d, var, half;

	if (n == 0) {
		*diff = *lo = *hi = 0;
		return;
	}
	d = ((double)p->gained - (double)p->lost) / (double)n;
	var = ((double)p->gained + (double)p->lost) / (double)n - d * d;
	half = SIM_Z95 * sqrt(var > 0 ? var / (double)n : 0);
	*diff = d;
	*lo = d - half;
	*hi = d + half;
}

void sim_visits_mean(const struct sim_result *r, size_t i, double *mean,
		     double *half)
{
	double n = (double)r->customers, m, var;

	if (r->customers == 0 || i >= r->n) {
		*mean = *half = 0;
		return;
	}
	m = (double)r->visits[i] / n;
	var = (double)r->visits_sq[i] / n - m * m;
	*mean = m;
	*half = SIM_Z95 * sqrt(var > 0 ? var / n : 0);
}

double sim_bass_share(double p, double q, double t)
{
	double e = exp(-(p + q) * t);

	if (!(p > 0))
		return 0;
	return (1 - e) / (1 + (q / p) * e);
}

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
 * Tango's score statistic for the paired difference delta of two rates:
 * b customers buy only in the scenario, c only in the baseline, of n.
 * The cell "lost" has its maximum-likelihood probability q under the
 * constraint (gained - lost = delta), the root of
 *   2n q^2 + W q - c delta (1 - delta) = 0,  W = (2n - b + c) delta - (b + c),
 * and the variance of b - c is then n (2q + delta (1 - delta)).  Returns
 * +-HUGE_VAL where that variance vanishes (delta at -1 or 1).
 */
static double sim_tango_z(double b, double c, double n, double delta)
{
	double w = (2 * n - b + c) * delta - (b + c);
	double disc = w * w + 8 * n * c * delta * (1 - delta);
	double q = (sqrt(disc > 0 ? disc : 0) - w) / (4 * n);
	double var = n * (2 * q + delta * (1 - delta));
	double num = b - c - n * delta;

	if (!(var > 0))
		return num > 0 ? HUGE_VAL : num < 0 ? -HUGE_VAL : 0;
	return num / sqrt(var);
}

/* The delta in [lo, hi] where Tango's statistic equals z, by bisection:
 * the statistic falls as delta rises, from above z at lo to below at hi. */
static double sim_tango_root(double b, double c, double n, double z,
			     double lo, double hi)
{
	for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
		double mid = 0.5 * (lo + hi);

		if (sim_tango_z(b, c, n, mid) > z)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

/*
 * Each customer walks both scenarios with the same random numbers, so the
 * per-customer difference is -1, 0 or +1 and most are 0: the interval of
 * a paired difference is far narrower than that of two independent runs.
 * The normal interval of the mean difference collapses to a point when no
 * customer's outcome differs (or only one way), claiming certainty from a
 * handful of customers; Tango's score interval (Tango 1998, recommended
 * by Fagerland, Lydersen and Laake 2014) keeps its coverage there: with
 * nobody gained or lost of n it is about +-z^2/n, never a point.
 */
void sim_pair_diff(const struct sim_pair *p, uint64_t n, double *diff,
		   double *lo, double *hi)
{
	double b = (double)p->gained, c = (double)p->lost, nn = (double)n, d;

	if (n == 0) {
		*diff = 0;
		*lo = -1;
		*hi = 1;
		return;
	}
	d = (b - c) / nn;
	*diff = d;
	*lo = d <= -1 ? -1 : sim_tango_root(b, c, nn, SIM_Z95, -1, d);
	*hi = d >= 1 ? 1 : sim_tango_root(b, c, nn, -SIM_Z95, d, 1);
}

/*
 * Newcombe's hybrid score interval (his method 10, 1998): the Wilson
 * intervals of both rates combined.  Unlike the normal interval it stays
 * inside -1..1 and does not collapse when a rate is 0 or 1.
 */
void sim_unpaired_diff(uint64_t k0, uint64_t n0, uint64_t k1, uint64_t n1,
		       double *diff, double *lo, double *hi)
{
	double p0 = n0 ? (double)k0 / (double)n0 : 0;
	double p1 = n1 ? (double)k1 / (double)n1 : 0;
	double l0, u0, l1, u1;

	sim_ci95(k0, n0, &l0, &u0);
	sim_ci95(k1, n1, &l1, &u1);
	*diff = p1 - p0;
	*lo = *diff - sqrt((p1 - l1) * (p1 - l1) + (u0 - p0) * (u0 - p0));
	*hi = *diff + sqrt((u1 - p1) * (u1 - p1) + (p0 - l0) * (p0 - l0));
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

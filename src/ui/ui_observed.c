/*
 * ui_observed.c - observed against designed on the journey map (O): the
 * journey's newest event log (`mot log import`) compared with the design
 * as `mot log compare` does it (src/log/).
 *
 *  - each card shows its observed visits per case over the designed ones
 *    ("0.67/0.48v") and a mark for how much of the walk differs there (a
 *    shade of the block, or . : * # without colour, as the results
 *    overlay does);
 *  - the curve's place lists the biggest gaps first: visits, drops and
 *    transitions, each measured in steps per case, so that they rank
 *    together (log_gaps());
 *  - the detail panel gives the selected card's figures, observed and
 *    designed, and its transitions out;
 *  - F runs the workshop's what-if of the design (baseline) against its
 *    fit to the log (scenario, log_fit() with the default prior), so the
 *    fitted journey is compared with the original without replacing it.
 *
 * The log is loaded once, when O turns the overlay on; the comparison is
 * made again whenever the journey changes (an edit, an undo, another
 * mot), since the design is half of it.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "sim.h"
#include "store.h"
#include "util.h"

struct ui_obs {
	struct mot_log log;
	int64_t version;            /* of the journey the comparison is for */
	bool have;                  /* cmp and gaps are there */
	struct log_comparison cmp;
	struct log_gap *gaps;
	size_t n_gaps;
	double *tp_gap;             /* per touchpoint: its gaps, summed */
	double mat_gap;
};

bool ui_obs_on(const struct ui *ui)
{
	return ui->obs != NULL;
}

static void ui_obs_clear(struct ui_obs *o)
{
	if (o->have)
		log_comparison_free(&o->cmp);
	free(o->gaps);
	free(o->tp_gap);
	o->gaps = NULL;
	o->tp_gap = NULL;
	o->n_gaps = 0;
	o->have = false;
}

void ui_obs_free(struct ui *ui)
{
	if (!ui->obs)
		return;
	ui_obs_clear(ui->obs);
	model_log_free(&ui->obs->log);
	free(ui->obs);
	ui->obs = NULL;
}

/* Compare the log with the journey as it is now; false (and a message,
 * the overlay off) when the log no longer fits the journey. */
static bool ui_obs_update(struct ui *ui)
{
	struct ui_obs *o = ui->obs;
	struct log_design design = { NAN, NULL };
	struct analyze_result a;
	char err[512];
	bool solved;

	if (o->have && o->version == ui->version)
		return true;
	ui_obs_clear(o);
	solved = analyze_journey(&ui->view.j, NULL, &a, err, sizeof err) == 0;
	if (solved) {
		design.conversion = a.conversion;
		design.visits = a.expected_visits;
	}
	if (log_compare(&ui->view.j, &o->log, &design, &o->cmp, err,
			sizeof err) != 0) {
		if (solved)
			analyze_result_free(&a);
		ui_obs_free(ui);
		ui_error(ui, "Observed against designed: off: %s", err);
		return false;
	}
	if (solved)
		analyze_result_free(&a);
	o->have = true;
	o->version = ui->version;
	o->n_gaps = log_gaps(&o->cmp, &o->gaps);
	o->tp_gap = xcalloc(o->cmp.n + 1, sizeof *o->tp_gap);
	o->mat_gap = 0;
	for (size_t g = 0; g < o->n_gaps; g++)
		o->tp_gap[o->gaps[g].tp] += o->gaps[g].size;
	for (size_t t = 0; t < o->cmp.n; t++)
		o->mat_gap = fmax(o->mat_gap, o->tp_gap[t]);
	return true;
}

void ui_obs_toggle(struct ui *ui)
{
	struct ui_obs *o;

	if (ui->obs) {
		ui_obs_free(ui);
		ui_message(ui, "Observed against designed: off");
		return;
	}
	o = xcalloc(1, sizeof *o);
	if (store_log_load(ui->store, ui->key, NULL, &o->log) != STORE_OK) {
		ui_error(ui, "No event log to compare with: %s",
			 store_errmsg(ui->store));
		free(o);
		return;
	}
	ui->obs = o;
	if (!ui_obs_update(ui))
		return;
	ui_message(ui, "Observed against designed: log '%s', %zu cases (O: "
		   "off)", o->log.name, o->log.n_cases);
}

/* --- the cards ------------------------------------------------------------- */

/* A visit count in 4 columns: "0.67", "12.3", "123". */
static void ui_obs_visits(char *buf, size_t len, double v)
{
	snprintf(buf, len, v < 9.995 ? "%.2f" : v < 99.95 ? "%.1f" : "%.0f", v);
}

int ui_obs_card(struct ui *ui, int y, int x, int w, size_t i, attr_t sel)
{
	static const char *const shade[4] = { "\u2591", "\u2592", "\u2593",
					      "\u2588" };
	static const char *const plain[4] = { ".", ":", "*", "#" };
	const struct ui_obs *o = ui->obs;
	const struct log_tp_cmp *t_;
	char obs[16], des[16], text[40];
	double share;
	int level, used;

	if (!o || !ui_obs_update(ui) || !(o = ui->obs) || i >= o->cmp.n)
		return 0;
	t_ = &o->cmp.tp[i];
	ui_obs_visits(obs, sizeof obs, t_->observed_visits);
	ui_obs_visits(des, sizeof des, t_->designed_visits);
	/* observed/designed when there is room, else the observed alone */
	if (isfinite(t_->designed_visits) &&
	    (int)(strlen(obs) + strlen(des) + 3) <= w)
		snprintf(text, sizeof text, "%s/%sv", obs, des);
	else
		snprintf(text, sizeof text, "%sv", obs);
	share = o->mat_gap > 0 ? o->tp_gap[i] / o->mat_gap : 0;
	level = share < 0.1 ? 0 : share < 0.35 ? 1 : share < 0.7 ? 2 : 3;
	used = ui_put(ui, y, x, w, text, sel ? UI_R_SELECTED : UI_R_NORMAL);
	if (used + 1 < w)
		used += ui_put(ui, y, x + used, w - used, ui->color ?
			       shade[level] : plain[level],
			       sel ? UI_R_SELECTED : UI_R_HEAT + level);
	return used;
}

/* --- the biggest gaps, where the curve is ----------------------------------- */

static const char *ui_obs_name(const struct ui *ui, size_t t)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[t];

	return tp->name && *tp->name ? tp->name : tp->key;
}

static void ui_obs_pct(struct strbuf *b, double v)
{
	if (isfinite(v))
		strbuf_printf(b, "%.1f%%", 100 * v);
	else
		strbuf_puts(b, "-");
}

/* One gap as a line: what differs, observed against designed. */
static void ui_obs_gap_line(const struct ui *ui, const struct log_gap *g,
			    struct strbuf *b)
{
	const struct log_edge *e = &ui->obs->cmp.edges[g->edge];

	strbuf_printf(b, "%5.2f  ", g->size);
	switch (g->kind) {
	case LOG_GAP_VISITS:
		strbuf_printf(b, "%s: %.2f visits per case, designed %.2f",
			      ui_obs_name(ui, g->tp), g->observed, g->designed);
		return;
	case LOG_GAP_DROP:
		strbuf_printf(b, "%s: drop ", ui_obs_name(ui, g->tp));
		ui_obs_pct(b, g->observed);
		strbuf_puts(b, ", designed ");
		ui_obs_pct(b, g->designed);
		return;
	case LOG_GAP_TRANSITION:
	case LOG_GAP_UNDESIGNED:
	case LOG_GAP_UNOBSERVED:
		strbuf_printf(b, "%s -> %s: ", ui_obs_name(ui, e->from),
			      ui_obs_name(ui, e->to));
		if (g->kind == LOG_GAP_UNOBSERVED)
			strbuf_puts(b, "never taken");
		else
			ui_obs_pct(b, g->observed);
		strbuf_puts(b, g->kind == LOG_GAP_UNDESIGNED ? ", not designed" :
			    ", designed ");
		if (g->kind != LOG_GAP_UNDESIGNED)
			ui_obs_pct(b, g->designed);
		return;
	}
}

void ui_obs_gaps(struct ui *ui, int y, int h)
{
	const struct ui_obs *o;
	struct strbuf b;
	size_t shown = 0;

	if (h <= 0 || !ui_obs_update(ui) || !(o = ui->obs))
		return;
	strbuf_init(&b);
	strbuf_printf(&b, "Biggest gaps (steps per case) - log '%s', %zu cases: "
		      "fit ", o->log.name, (size_t)o->cmp.cases);
	ui_obs_pct(&b, o->cmp.fitness_cases);
	strbuf_puts(&b, ", bought ");
	ui_obs_pct(&b, o->cmp.conversion);
	strbuf_puts(&b, ", designed ");
	ui_obs_pct(&b, o->cmp.designed_conversion);
	ui_put_pad(ui, y, 0, ui->cols, b.s, UI_R_HEADER);
	strbuf_free(&b);
	for (int row = 1; row < h; row++) {
		strbuf_init(&b);
		if (shown < o->n_gaps && row == h - 1 && o->n_gaps - shown > 1)
			strbuf_printf(&b, "       ... and %zu more (mot log compare)",
				      o->n_gaps - shown);
		else if (shown < o->n_gaps)
			ui_obs_gap_line(ui, &o->gaps[shown++], &b);
		else if (row == 1)
			strbuf_puts(&b, "       none: the customers did as designed");
		ui_put_pad(ui, y + row, 0, ui->cols, b.s ? b.s : "", UI_R_NORMAL);
		strbuf_free(&b);
	}
}

/* --- the detail panel ------------------------------------------------------- */

/* Card i's transitions out, observed (designed). */
static void ui_obs_out(const struct ui *ui, size_t i, struct strbuf *b)
{
	const struct log_comparison *c = &ui->obs->cmp;
	bool any = false;

	strbuf_puts(b, "out:");
	for (size_t e = 0; e < c->n_edges; e++) {
		const struct log_edge *ed = &c->edges[e];

		if (ed->from != i)
			continue;
		strbuf_printf(b, "%s -> %s ", any ? "," : "", ui_obs_name(ui, ed->to));
		ui_obs_pct(b, ed->count ? ed->observed_p : 0);
		strbuf_puts(b, " (");
		if (ed->designed)
			ui_obs_pct(b, ed->designed_p);
		else
			strbuf_puts(b, "not designed");
		strbuf_puts(b, ")");
		any = true;
	}
	if (!any)
		strbuf_puts(b, " none");
}

bool ui_obs_detail(struct ui *ui, const struct ui_map_layout *l)
{
	long i = ui_map_selected(ui);
	const struct log_tp_cmp *x;
	struct strbuf b;

	if (!ui->obs || i < 0 || !ui_obs_update(ui) || !ui->obs ||
	    (size_t)i >= ui->obs->cmp.n)
		return false;
	x = &ui->obs->cmp.tp[i];
	strbuf_init(&b);
	strbuf_printf(&b, "%s: %.2f visits per case (designed %.2f), drop ",
		      ui_obs_name(ui, (size_t)i), x->observed_visits,
		      x->designed_visits);
	ui_obs_pct(&b, x->observed_drop);
	strbuf_puts(&b, " (");
	ui_obs_pct(&b, x->designed_drop);
	strbuf_puts(&b, "), bought ");
	ui_obs_pct(&b, x->observed_conversion);
	ui_put_pad(ui, l->detail_y, 0, ui->cols, b.s, UI_R_HEADER);
	strbuf_free(&b);
	if (l->detail_h < 2)
		return true;
	strbuf_init(&b);
	ui_obs_out(ui, (size_t)i, &b);
	ui_put_pad(ui, l->detail_y + 1, 0, ui->cols, b.s, UI_R_NORMAL);
	strbuf_free(&b);
	return true;
}

/* --- the fit in the what-if -------------------------------------------------- */

void ui_obs_fit_whatif(struct ui *ui)
{
	struct mot_journey fit;
	char err[512];

	if (!ui->obs)
		ui_obs_toggle(ui);
	if (!ui->obs || !ui_obs_update(ui))
		return;
	/* As `mot log fit` with its default prior; the journey stays as it
	 * is: the fit lives only in the what-if's copy. */
	if (log_fit(&ui->view.j, &ui->obs->log, LOG_PRIOR_DEFAULT, &fit, err,
		    sizeof err) != 0) {
		ui_error(ui, "Cannot fit the log: %s", err);
		return;
	}
	ui_sim_start_whatif(ui, &ui->view.j, &fit);
	model_journey_free(&fit);
	if (!ui->ws.job)
		return;
	ui_message(ui, "What-if: the design (baseline) against its fit to log "
		   "'%s' (scenario, prior %g) ...", ui->obs->log.name,
		   LOG_PRIOR_DEFAULT);
	if (ui_top(ui) != &ui_results_screen)
		ui_results_open(ui);
}

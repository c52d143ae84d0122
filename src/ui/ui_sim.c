/*
 * ui_sim.c - the workshop's simulation runs inside the designer: the
 * panel that asks for customers, persona, seed and model, the job that
 * runs in the background (workshop.h) while the UI stays responsive, and
 * what the other screens read from it: the progress bar and the numbers
 * the map's cards show.
 *
 * One job at a time.  The main loop calls ui_sim_tick between keys; a
 * finished job's outcome replaces the previous results, a cancelled one
 * leaves them as they were.  Results belong to the open journey, so
 * closing it (or quitting mot) cancels the job and waits for it.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const ui_sim_models[] = { "full", "plain" };

enum { SF_CUSTOMERS, SF_PERSONA, SF_SEED, SF_MODEL };

/* The seed is held as a double in the form: exact up to 2^53, so the
 * panel takes 15 digits where the command line takes any 64-bit seed. */
#define UI_SIM_MAX_SEED 999999999999999.0

char *ui_sim_count(uint64_t n, char *buf, size_t len)
{
	char digits[32];
	size_t nd, o = 0;

	nd = (size_t)snprintf(digits, sizeof digits, "%llu",
			      (unsigned long long)n);
	for (size_t i = 0; i < nd && o + 2 < len; i++) {
		if (i && (nd - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* The settings as the panel last left them; defaults on first use. */
static void ui_sim_settings(struct ui *ui)
{
	if (ui->ws.set.customers == 0)
		ws_settings_init(&ui->ws.set);
}

static void ui_sim_choices_free(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	for (size_t i = 0; i < ws->n_choices; i++) {
		free(ws->choices[i]);
		free(ws->choice_keys[i]);
	}
	free(ws->choices);
	free(ws->choice_keys);
	ws->choices = ws->choice_keys = NULL;
	ws->n_choices = 0;
}

/* "all" and the journey's personas; the index of the one set, else 0. */
static int ui_sim_choices(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	const struct mot_journey *j = &ui->view.j;
	int sel = 0;

	ui_sim_choices_free(ui);
	ws->n_choices = j->n_personas + 1;
	ws->choices = xcalloc(ws->n_choices, sizeof *ws->choices);
	ws->choice_keys = xcalloc(ws->n_choices, sizeof *ws->choice_keys);
	ws->choices[0] = xstrdup("all, by share");
	for (size_t i = 0; i < j->n_personas; i++) {
		ws->choices[i + 1] = xstrdup(j->personas[i].name);
		ws->choice_keys[i + 1] = xstrdup(j->personas[i].key);
		if (util_streq(ws->set.persona, j->personas[i].key))
			sel = (int)i + 1;
	}
	return sel;
}

static void ui_sim_number(struct ui *ui, const char *label, double v,
			  double min, double max)
{
	struct ui_field *f = ui_form_add(ui, label, UI_FIELD_INT);

	f->min = min;
	f->max = max;
	f->max_named = true;
	ui_field_set_number(f, v);
}

static void ui_sim_choice(struct ui *ui, const char *label,
			  const char *const *choices, int n, int value)
{
	struct ui_field *f = ui_form_add(ui, label, UI_FIELD_CHOICE);

	f->choices = choices;
	f->n_choices = n;
	f->choice = value;
}

/*
 * The form's save: keep the settings, start, and show the results.  The
 * form is closed here rather than by the form screen, because the
 * results screen goes on top of what was below the form.
 */
static bool ui_sim_save(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	struct ui_field *f = ui->form.f;
	int p = f[SF_PERSONA].choice;

	ws->set.customers = (uint64_t)ui_field_number(&f[SF_CUSTOMERS]);
	ws->set.seed = (uint64_t)ui_field_number(&f[SF_SEED]);
	ws->set.plain = f[SF_MODEL].choice == 1;
	free(ws->set.persona);
	ws->set.persona = p > 0 && (size_t)p < ws->n_choices ?
		xstrdup(ws->choice_keys[p]) : NULL;
	ui_pop(ui);
	ui_sim_choices_free(ui);
	ui_sim_start(ui);
	if (ws->job && ui_top(ui) != &ui_results_screen)
		ui_results_open(ui);
	return false;	/* closed above */
}

/* A live rerun (ui_live.c) gives way to a run the designer asks for. */
static void ui_sim_drop_live(struct ui *ui)
{
	if (ui->ws.job && ui->ws.job_live)
		ui_sim_cancel(ui);
}

void ui_sim_panel(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	char title[200];
	int persona;

	if (!ui->key)
		return;
	ui_sim_drop_live(ui);
	if (ws->job) {
		ui_error(ui, "A simulation is running: wait for it, or Esc on "
			 "the results (R) cancels it");
		return;
	}
	ui_sim_settings(ui);
	snprintf(title, sizeof title, "Simulate: %s%s", ui->view.j.title,
		 ws->base ? " (against the baseline)" : "");
	ui_form_reset(ui, title);
	persona = ui_sim_choices(ui);
	ui_sim_number(ui, "Customers", (double)ws->set.customers, 1,
		      (double)SIM_MAX_CUSTOMERS);
	ui_sim_choice(ui, "Persona", (const char *const *)ws->choices,
		      (int)ws->n_choices, persona);
	ui_sim_number(ui, "Seed", (double)ws->set.seed, 0, UI_SIM_MAX_SEED);
	ui_sim_choice(ui, "Model", ui_sim_models, 2, ws->set.plain ? 1 : 0);
	ui_form_open(ui, ui_sim_save);
}

/* --- jobs --------------------------------------------------------------- */

/* Start a job on j (against base); 0, or -1 with err.  A job on another
 * journey than the map's (a fit to an event log) is never rerun live. */
static int ui_sim_job(struct ui *ui, enum ws_job_kind kind,
		      const struct mot_journey *j,
		      const struct mot_journey *base, char *err, size_t errlen)
{
	struct ui_ws_state *ws = &ui->ws;

	ui_sim_settings(ui);
	ws->job = ws_job_start(kind, j, base, &ws->set, err, errlen);
	if (!ws->job)
		return -1;
	ws->job_kind = kind;
	ws->job_version = ui->version;
	ws->job_foreign = j != &ui->view.j;
	ws->job_live = false;
	return 0;
}

static void ui_sim_launch(struct ui *ui, enum ws_job_kind kind,
			  const struct mot_journey *j,
			  const struct mot_journey *base)
{
	struct ui_ws_state *ws = &ui->ws;
	char err[600], n[32];

	if (!ui->key)
		return;
	ui_sim_drop_live(ui);
	if (ws->job) {
		ui_error(ui, "A simulation is running already: wait for it, or "
			 "Esc on the results cancels it");
		return;
	}
	if (ui_sim_job(ui, kind, j, base, err, sizeof err) != 0) {
		ui_error(ui, "Cannot simulate: %s", err);
		return;
	}
	if (kind == WS_JOB_MARKET)
		ui_message(ui, "Word of mouth: %s people over %u days ...",
			   ui_sim_count(ws->set.market, n, sizeof n),
			   ws->set.days);
	else
		ui_message(ui, "Simulating %s customer%s%s ...",
			   ui_sim_count(ws->set.customers, n, sizeof n),
			   ws->set.customers == 1 ? "" : "s",
			   base ? ", baseline and scenario" : "");
}

void ui_sim_start(struct ui *ui)
{
	const struct ws_outcome *b = ui->ws.base;

	ui_sim_launch(ui, b ? WS_JOB_COMPARE : WS_JOB_SIMULATE, &ui->view.j,
		      b ? &b->j : NULL);
}

void ui_sim_start_whatif(struct ui *ui, const struct mot_journey *base,
			 const struct mot_journey *scenario)
{
	ui_sim_launch(ui, WS_JOB_COMPARE, scenario, base);
}

int ui_sim_start_quiet(struct ui *ui, char *err, size_t errlen)
{
	const struct ws_outcome *b = ui->ws.base;

	if (!ui->key || ui->ws.job) {
		snprintf(err, errlen, "a simulation is running");
		return -1;
	}
	if (ui_sim_job(ui, b ? WS_JOB_COMPARE : WS_JOB_SIMULATE, &ui->view.j,
		       b ? &b->j : NULL, err, errlen) != 0)
		return -1;
	ui->ws.job_live = true;
	return 0;
}

void ui_sim_start_market(struct ui *ui)
{
	ui_sim_launch(ui, WS_JOB_MARKET, &ui->view.j, NULL);
}

/* A finished job's outcome replaces the results of its kind. */
static void ui_sim_take(struct ui *ui, struct ws_outcome *o)
{
	struct ui_ws_state *ws = &ui->ws;
	char n[32];

	if (o->kind == WS_JOB_MARKET) {
		if (ws->market)
			ws_outcome_free(ws->market);
		ws->market = o;
		ui_message(ui, "Word of mouth done: %u days in %.1f s",
			   o->set.days, o->seconds);
		return;
	}
	/* b may have kept the results shown as the baseline: then they
	 * live on as that. */
	if (ws->cur && ws->cur != ws->base)
		ws_outcome_free(ws->cur);
	ws->cur = o;
	ws->cur_version = ws->job_version;
	ws->cur_foreign = ws->job_foreign;
	/* The impact ranking indexed the old results' touchpoints. */
	free(ws->rank);
	ws->rank = NULL;
	/* A live rerun updates what shows, where it shows; the message of
	 * the edit that caused it stays. */
	if (ws->job_live)
		return;
	ws->overlay = true;
	ws->top = 0;
	ui_message(ui, "Simulated %s customer%s in %.1f s%s",
		   ui_sim_count(o->res.customers, n, sizeof n),
		   o->res.customers == 1 ? "" : "s", o->seconds,
		   o->compared ? ": baseline and scenario" : "");
}

/* Wait for the job (it has ended or was asked to) and take its result. */
static void ui_sim_end(struct ui *ui)
{
	struct ws_outcome *o = NULL;
	char err[600];
	int rc = ws_job_finish(ui->ws.job, &o, err, sizeof err);

	ui->ws.job = NULL;
	if (rc == 0)
		ui_sim_take(ui, o);
	else if (rc == 1 && ui->ws.job_live)
		;	/* a live rerun, replaced by the next one */
	else if (rc == 1)
		ui_message(ui, "Simulation cancelled%s",
			   ui->ws.cur ? " (the previous results are kept)" : "");
	else
		ui_error(ui, "Simulation failed: %s", err);
}

void ui_sim_tick(struct ui *ui)
{
	uint64_t done, total;

	if (ui->ws.job && ws_job_poll(ui->ws.job, &done, &total))
		ui_sim_end(ui);
	ui_live_tick(ui);
}

bool ui_sim_cancel(struct ui *ui)
{
	if (!ui->ws.job)
		return false;
	ws_job_cancel(ui->ws.job);
	ui_sim_end(ui);
	/* Not started again live for this version (Esc would not hold):
	 * the figures stay marked stale until r or the next change. */
	ui->ws.refused_version = ui->version;
	return true;
}

void ui_sim_free(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	ui_sim_cancel(ui);
	if (ws->cur && ws->cur != ws->base)
		ws_outcome_free(ws->cur);
	if (ws->base)
		ws_outcome_free(ws->base);
	if (ws->market)
		ws_outcome_free(ws->market);
	ws_settings_free(&ws->set);
	ws_story_free(&ws->story);
	free(ws->rank);
	ui_sim_choices_free(ui);
	ui_scenarios_free(ui);
	memset(ws, 0, sizeof *ws);
}

/* --- what other screens show ----------------------------------------- */

/* Index in the results' journey of the view's touchpoint i, or -1: the
 * designer may have edited since the run. */
static long ui_sim_match(const struct ws_outcome *o, const struct ui *ui,
			 size_t i)
{
	const char *key = ui->view.j.touchpoints[i].key;

	if (i < o->j.n_touchpoints &&
	    util_streq(o->j.touchpoints[i].key, key))
		return (long)i;
	return model_touchpoint_find(&o->j, key);
}

bool ui_sim_card(const struct ui *ui, size_t i, double *visits_per_customer,
		 double *drop_share)
{
	const struct ws_outcome *o = ui->ws.cur;
	long k;

	*visits_per_customer = *drop_share = 0;
	if (!o || !ui->ws.overlay || i >= ui->view.j.n_touchpoints ||
	    o->res.customers == 0)
		return false;
	k = ui_sim_match(o, ui, i);
	if (k < 0 || (size_t)k >= o->res.n)
		return false;
	*visits_per_customer = (double)o->res.visits[k] /
		(double)o->res.customers;
	*drop_share = ws_drop_share(&o->res, (size_t)k);
	return true;
}

bool ui_sim_stage(const struct ui *ui, int s, double *reach)
{
	const struct ws_outcome *o = ui->ws.cur;

	*reach = 0;
	if (!o || !ui->ws.overlay || o->res.customers == 0 || s < 0 ||
	    s >= MOT_STAGE_COUNT)
		return false;
	*reach = (double)o->res.stage_reach[s] / (double)o->res.customers;
	return true;
}

bool ui_sim_headline(const struct ui *ui, char *buf, size_t len, int room)
{
	const struct ws_outcome *o = ui->ws.cur;
	const char *state = ui_live_state(ui);
	double rate, lo, hi;
	char nps[32];

	buf[0] = '\0';
	if (!o || !ui->ws.overlay || o->res.customers == 0)
		return false;
	ws_conversion(&o->res, &rate, &lo, &hi);
	ui_format_signed(ws_nps(&o->res), 0, nps, sizeof nps);
	/* The longest that fits; whether the figures are of an older
	 * journey is never left out. */
	snprintf(buf, len, "conv %.1f%% (%.1f-%.1f) NPS %s%s%s", 100 * rate,
		 100 * lo, 100 * hi, nps, state ? " " : "", state ? state : "");
	if (util_utf8_width(buf) > room)
		snprintf(buf, len, "conv %.1f%% NPS %s%s%s", 100 * rate, nps,
			 state ? " " : "", state ? state : "");
	if (util_utf8_width(buf) > room)
		snprintf(buf, len, "%s", state ? state : "");
	return buf[0] != '\0';
}

void ui_sim_progress(struct ui *ui, int y, int x, int w)
{
	uint64_t done = 0, total = 0;
	char a[32], b[32], tail[128];
	int pct, bar, fill, used;

	if (!ui->ws.job || w <= 0)
		return;
	ws_job_poll(ui->ws.job, &done, &total);
	pct = total ? (int)(100.0 * (double)done / (double)total) : 0;
	pct = pct > 100 ? 100 : pct;
	snprintf(tail, sizeof tail, " %3d%%  %s of %s %s", pct,
		 ui_sim_count(done, a, sizeof a),
		 ui_sim_count(total, b, sizeof b),
		 ui->ws.job_kind == WS_JOB_MARKET ? "people" : "customers");
	/* Narrow: the counts go first, then the bar. */
	if (w - (int)strlen(tail) - 2 < 10)
		snprintf(tail, sizeof tail, " %3d%%", pct);
	bar = w - (int)strlen(tail) - 2;
	if (bar < 5) {
		ui_putf(ui, y, x, w, UI_R_OK, "%d%%", pct);
		return;
	}
	bar = bar > 50 ? 50 : bar;
	fill = bar * pct / 100;
	used = ui_put(ui, y, x, 1, "[", UI_R_DIM);
	wattrset(stdscr, ui_attr(ui, UI_R_OK) | A_BOLD);
	for (int k = 0; k < bar; k++)
		mvwaddch(stdscr, y, x + used + k, k < fill ? '#' : '.');
	wattrset(stdscr, A_NORMAL);
	ui_put(ui, y, x + used + bar, 1, "]", UI_R_DIM);
	ui_put(ui, y, x + used + bar + 1, w - used - bar - 1, tail, UI_R_NORMAL);
}

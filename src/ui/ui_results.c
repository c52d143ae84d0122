/*
 * ui_results.c - the simulation results screen of the workshop mode:
 * while a run goes on, its progress (Esc cancels); when it is done, the
 * conversion with its 95% interval, the funnel per stage, the loops of
 * the messy middle, the top paths, the ratings at TMOT, and against a
 * baseline the side-by-side what-if with the difference and whether it
 * is significant.  From here a result becomes the baseline (b), runs
 * again (r) and is kept as a named scenario (n).
 *
 * The screen is built as a list of lines for the terminal's width, then
 * drawn from the scroll position: at 40x12 it scrolls, nothing is cut
 * off for good.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct ui_hint ui_res_hints_run[] = {
	{ UI_ACT_CANCEL, "cancel the run" }, { UI_ACT_BACK, "map (runs on)" },
	{ UI_ACT_HELP, "help" },
};

static const struct ui_hint ui_res_hints[] = {
	{ UI_ACT_SIMULATE, "simulate" }, { UI_ACT_RERUN, "rerun" },
	{ UI_ACT_BASELINE, "baseline" }, { UI_ACT_SAVE_SCENARIO, "save" },
	{ UI_ACT_WALK, "walk" }, { UI_ACT_IMPACT, "impact" },
	{ UI_ACT_EXPORT, "export" }, { UI_ACT_BACK, "back" },
	{ UI_ACT_HELP, "help" },
};

/* --- lines ------------------------------------------------------------ */

enum ui_rl_kind { UI_RL_TEXT, UI_RL_BAR, UI_RL_PROGRESS };

struct ui_rl {
	enum ui_rl_kind kind;
	enum ui_role role;
	char *text;          /* the line; a bar's label */
	double share;        /* a bar's length, 0..1 */
	char value[40];      /* a bar's number */
};

struct ui_rlines {
	struct ui_rl *l;
	size_t n, cap;
	int w;               /* columns a line may take */
};

static struct ui_rl *ui_rl_add(struct ui_rlines *ls, enum ui_rl_kind kind,
			       enum ui_role role)
{
	struct ui_rl *l;

	util_reserve((void **)&ls->l, &ls->cap, ls->n + 1, sizeof *ls->l);
	l = &ls->l[ls->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->role = role;
	return l;
}

/* A text line, wrapped at blanks to the width; later lines indented. */
static void ui_rl_wrap(struct ui_rlines *ls, enum ui_role role, int indent,
		       const char *s)
{
	int first = 1;

	while (*s) {
		int room = ls->w - (first ? 0 : indent), cols;
		size_t n = util_utf8_prefix(s, room > 8 ? room : 8, &cols);
		size_t cut = n;

		if (s[n]) {	/* break at the last blank that fits */
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = n;
		}
		ui_rl_add(ls, UI_RL_TEXT, role)->text =
			xasprintf("%*s%.*s", first ? 0 : indent, "", (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
		first = 0;
	}
}

static void ui_rl_text(struct ui_rlines *ls, enum ui_role role,
		       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ui_rl_text(struct ui_rlines *ls, enum ui_role role,
		       const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (!buf[0])
		ui_rl_add(ls, UI_RL_TEXT, role)->text = xstrdup("");
	else
		ui_rl_wrap(ls, role, 2, buf);
}

static void ui_rl_bar(struct ui_rlines *ls, const char *label, double share,
		      double value)
{
	struct ui_rl *l = ui_rl_add(ls, UI_RL_BAR, UI_R_NORMAL);

	l->text = xstrdup(label);
	l->share = share < 0 ? 0 : share > 1 ? 1 : share;
	snprintf(l->value, sizeof l->value, "%5.1f%%", 100 * value);
}

static void ui_rl_free(struct ui_rlines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->l[i].text);
	free(ls->l);
	memset(ls, 0, sizeof *ls);
}

/* --- what the lines say ----------------------------------------------- */

static double ui_share(uint64_t k, uint64_t n)
{
	return n ? (double)k / (double)n : 0;
}

static void ui_res_settings(struct ui_rlines *ls, const struct ws_settings *s)
{
	char n[32];

	ui_rl_text(ls, UI_R_DIM, "%s customer%s, seed %llu, %s model, %s%s%s",
		   ui_sim_count(s->customers, n, sizeof n),
		   s->customers == 1 ? "" : "s",
		   (unsigned long long)s->seed, s->plain ? "plain" : "full",
		   s->persona ? "persona '" : "all personas",
		   s->persona ? s->persona : "", s->persona ? "'" : "");
}

/* One row of the side-by-side table. */
static void ui_res_row(struct ui_rlines *ls, enum ui_role role,
		       const char *label, const char *a, const char *b,
		       const char *d)
{
	int cw = (ls->w - 12) / 3;

	cw = cw > 13 ? 13 : cw;
	ui_rl_add(ls, UI_RL_TEXT, role)->text =
		xasprintf("%-12s%*s%*s%*s", label, cw, a, cw, b, cw, d);
}

static double ui_promoters(const struct sim_result *r)
{
	return ui_share(r->promoters,
			r->promoters + r->passives + r->detractors);
}

/* "+1.25 pts", "0.00 pts": never "-0.00". */
static void ui_res_pts(char *buf, size_t len, double v, int decimals)
{
	char n[32];

	snprintf(buf, len, "%s pts", ui_format_signed(v, decimals, n,
						      sizeof n));
}

static void ui_res_table(struct ui_rlines *ls, const struct ws_outcome *o)
{
	const struct sim_result *b = &o->base, *s = &o->res;
	double bc, sc, lo, hi, bp = ui_promoters(b), sp = ui_promoters(s);
	double bs = ui_share(b->steps, b->customers);
	double ss = ui_share(s->steps, s->customers);
	char x[3][32];

	ws_conversion(b, &bc, &lo, &hi);
	ws_conversion(s, &sc, &lo, &hi);
	ui_res_row(ls, UI_R_HEADER, "", "baseline", "scenario",
		   ls->w >= 12 + 3 * 11 ? "difference" : "diff.");
	snprintf(x[0], sizeof x[0], "%.2f%%", 100 * bc);
	snprintf(x[1], sizeof x[1], "%.2f%%", 100 * sc);
	ui_res_pts(x[2], sizeof x[2], 100 * (sc - bc), 2);
	ui_res_row(ls, UI_R_NORMAL, "Conversion", x[0], x[1], x[2]);
	ui_format_signed(ws_nps(b), 0, x[0], sizeof x[0]);
	ui_format_signed(ws_nps(s), 0, x[1], sizeof x[1]);
	ui_format_signed(ws_nps(s) - ws_nps(b), 0, x[2], sizeof x[2]);
	ui_res_row(ls, UI_R_NORMAL, "NPS", x[0], x[1], x[2]);
	snprintf(x[0], sizeof x[0], "%.1f%%", 100 * bp);
	snprintf(x[1], sizeof x[1], "%.1f%%", 100 * sp);
	ui_res_pts(x[2], sizeof x[2], 100 * (sp - bp), 1);
	ui_res_row(ls, UI_R_NORMAL, "Promoters", x[0], x[1], x[2]);
	snprintf(x[0], sizeof x[0], "%.2f", bs);
	snprintf(x[1], sizeof x[1], "%.2f", ss);
	ui_format_signed(ss - bs, 2, x[2], sizeof x[2]);
	ui_res_row(ls, UI_R_NORMAL, "Steps/cust.", x[0], x[1], x[2]);
}

static void ui_res_compare(struct ui_rlines *ls, const struct ws_outcome *o)
{
	double d, lo, hi;
	bool sig;
	char **lines, g[32], l[32], fd[32], flo[32], fhi[32];
	size_t n;

	ui_rl_text(ls, UI_R_HEADER, "What-if: baseline and scenario");
	ui_res_table(ls, o);
	ws_difference(o, &d, &lo, &hi, &sig);
	ui_rl_text(ls, sig ? UI_R_OK : UI_R_NORMAL, "Difference in conversion "
		   "%s pts, 95%% CI %s to %s: %s %s",
		   ui_format_signed(100 * d, 2, fd, sizeof fd),
		   ui_format_signed(100 * lo, 2, flo, sizeof flo),
		   ui_format_signed(100 * hi, 2, fhi, sizeof fhi),
		   sig ? "significant" : "not significant",
		   o->paired ? "(paired: same customers)" :
		   "(independent runs)");
	if (o->paired)
		ui_rl_text(ls, UI_R_DIM, "Buyers gained %s, lost %s",
			   ui_sim_count(o->pair.gained, g, sizeof g),
			   ui_sim_count(o->pair.lost, l, sizeof l));
	n = ws_changes(&o->base_j, &o->j, &lines);
	ui_rl_text(ls, UI_R_HEADER, n ? "Changes against the baseline:" :
		   "No changes against the baseline: the same journey");
	for (size_t i = 0; i < n; i++)
		ui_rl_text(ls, UI_R_NORMAL, "  %s", lines[i]);
	ws_lines_free(lines, n);
	ui_rl_text(ls, UI_R_NORMAL, "%s", "");
}

/* Each customer once, as a workshop reads it: the buyers (the conversion
 * above), then how the others ended; the shares add up to 100%. */
static void ui_res_endings(struct ui_rlines *ls, const struct sim_result *r)
{
	uint64_t u[SIM_END_COUNT];

	for (int e = 0; e < SIM_END_COUNT; e++)
		u[e] = r->ends[e] - r->ends_bought[e];
	ui_rl_text(ls, UI_R_DIM, "Endings: bought %.1f%%; without buying: left "
		   "%.1f%%, dead end %.1f%%, out of patience %.1f%%%s",
		   100 * ui_share(r->conversions, r->customers),
		   100 * ui_share(u[SIM_END_DROP], r->customers),
		   100 * ui_share(u[SIM_END_EXIT], r->customers),
		   100 * ui_share(u[SIM_END_PATIENCE], r->customers),
		   u[SIM_END_CUT] ? ", cut at the step limit" : "");
}

static void ui_res_summary(struct ui_rlines *ls, const struct ws_outcome *o)
{
	const struct sim_result *r = &o->res;
	double c, lo, hi;
	char n[32], st[32];

	ws_conversion(r, &c, &lo, &hi);
	ui_rl_text(ls, UI_R_HEADER, "Conversion %.2f%%  (95%% CI %.2f%% to "
		   "%.2f%%)", 100 * c, 100 * lo, 100 * hi);
	ui_rl_text(ls, UI_R_NORMAL, "%s customer%s, %s step%s (%.2f each), "
		   "%.1f s", ui_sim_count(r->customers, n, sizeof n),
		   r->customers == 1 ? "" : "s",
		   ui_sim_count(r->steps, st, sizeof st),
		   r->steps == 1 ? "" : "s",
		   ui_share(r->steps, r->customers), o->seconds);
	ui_res_endings(ls, r);
}

static void ui_res_funnel(struct ui_rlines *ls, const struct sim_result *r)
{
	ui_rl_text(ls, UI_R_NORMAL, "%s", "");
	ui_rl_text(ls, UI_R_HEADER, "Funnel: customers reaching each stage "
		   "(bars: share of all customers)");
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		double v = ui_share(r->stage_reach[s], r->customers);

		ui_rl_bar(ls, model_stage_label(s), v, v);
	}
}

#define UI_LOOP_BINS 6    /* 0, 1, 2, 3, 4, 5+ */

static void ui_res_loops(struct ui_rlines *ls, const struct sim_result *r)
{
	uint64_t bin[UI_LOOP_BINS] = { 0 };
	char label[16];

	for (unsigned k = 0; k < SIM_HIST; k++)
		bin[k < UI_LOOP_BINS - 1 ? k : UI_LOOP_BINS - 1] +=
			r->loop_hist[k];
	ui_rl_text(ls, UI_R_NORMAL, "%s", "");
	ui_rl_text(ls, UI_R_HEADER, "Exploration <-> evaluation loops per "
		   "customer (bars: share of all customers)");
	/* One scale with the funnel above it: a bar of the same length is
	 * the same share of customers; a rare loop still shows a mark. */
	for (int k = 0; k < UI_LOOP_BINS; k++) {
		snprintf(label, sizeof label, "%d%s", k,
			 k == UI_LOOP_BINS - 1 ? "+" : "");
		ui_rl_bar(ls, label, ui_share(bin[k], r->customers),
			  ui_share(bin[k], r->customers));
	}
	ui_rl_text(ls, UI_R_DIM, "mean %.2f  median %u  p90 %u  max %llu",
		   ui_share(r->loop_sum, r->customers),
		   sim_hist_quantile(r->loop_hist, r->customers, 0.5),
		   sim_hist_quantile(r->loop_hist, r->customers, 0.9),
		   (unsigned long long)r->loop_max);
}

static const char *ui_res_end(const struct sim_path *p)
{
	static const char *const ends[SIM_END_COUNT] = {
		"drop", "exit", "tired", "cut",
	};

	if (p->converted)
		return "buys";
	return (unsigned)p->end < SIM_END_COUNT ? ends[p->end] : "?";
}

static void ui_res_paths(struct ui_rlines *ls, const struct ws_outcome *o)
{
	const struct sim_result *r = &o->res;

	ui_rl_text(ls, UI_R_NORMAL, "%s", "");
	ui_rl_text(ls, UI_R_HEADER, "Top paths%s", r->paths_pruned ?
		   " (rare paths were pruned)" : "");
	for (size_t k = 0; k < r->n_top; k++) {
		const struct sim_path *p = &r->top[k];
		uint32_t shown = p->len < SIM_PATH_SHOW ? p->len : SIM_PATH_SHOW;
		struct strbuf b;

		strbuf_init(&b);
		strbuf_printf(&b, "%5.1f%% %-5s ", 100 * ui_share(p->count,
								  r->customers),
			      ui_res_end(p));
		for (uint32_t s = 0; s < shown; s++) {
			size_t t = p->nodes[s];

			strbuf_printf(&b, "%s%s", s ? " > " : "",
				      t < o->j.n_touchpoints ?
				      o->j.touchpoints[t].name : "?");
		}
		if (p->len > shown)
			strbuf_printf(&b, " > ... (%u more)", p->len - shown);
		ui_rl_wrap(ls, p->converted ? UI_R_OK : UI_R_NORMAL, 13,
			   b.s ? b.s : "");
		strbuf_free(&b);
	}
	if (r->n_top == 0)
		ui_rl_text(ls, UI_R_DIM, "No paths recorded");
}

static void ui_res_ratings(struct ui_rlines *ls, const struct sim_result *r)
{
	uint64_t rated = r->promoters + r->passives + r->detractors;
	char n[32], nps[32];

	ui_rl_text(ls, UI_R_NORMAL, "%s", "");
	ui_rl_text(ls, UI_R_HEADER, "Ratings at the first TMOT touchpoint");
	if (!rated) {
		ui_rl_text(ls, UI_R_DIM, "Nobody was rated: no customer reached "
			   "a TMOT touchpoint");
		return;
	}
	ui_rl_text(ls, UI_R_NORMAL, "Promoters %.1f%%, passives %.1f%%, "
		   "detractors %.1f%%", 100 * ui_share(r->promoters, rated),
		   100 * ui_share(r->passives, rated),
		   100 * ui_share(r->detractors, rated));
	ui_rl_text(ls, UI_R_NORMAL, "NPS %s  (of %s rated)",
		   ui_format_signed(ws_nps(r), 0, nps, sizeof nps),
		   ui_sim_count(rated, n, sizeof n));
}

static void ui_res_outcome(struct ui_rlines *ls, const struct ws_outcome *o)
{
	ui_res_settings(ls, &o->set);
	if (o->compared)
		ui_res_compare(ls, o);
	ui_res_summary(ls, o);
	ui_res_funnel(ls, &o->res);
	ui_res_loops(ls, &o->res);
	ui_res_paths(ls, o);
	ui_res_ratings(ls, &o->res);
}

static void ui_res_build(struct ui *ui, struct ui_rlines *ls)
{
	const struct ui_ws_state *ws = &ui->ws;

	ls->w = ui->cols - 2;
	/* A live rerun (ui_live.c) leaves the figures in place; the title
	 * says "updating". */
	if (ws->job && !ws->job_live) {
		ui_rl_text(ls, UI_R_HEADER, "%s", ws->job_kind == WS_JOB_MARKET ?
			   "Word of mouth running ..." :
			   ws->job_kind == WS_JOB_COMPARE ?
			   "Running baseline and scenario ..." : "Running ...");
		ui_rl_add(ls, UI_RL_PROGRESS, UI_R_NORMAL);
		ui_rl_text(ls, UI_R_DIM, "Esc cancels; q goes back to the map "
			   "while it runs on");
		ui_rl_text(ls, UI_R_NORMAL, "%s", "");
		if (ws->cur)
			ui_rl_text(ls, UI_R_DIM, "Previous results, from before "
				   "this run:");
	} else if (!ws->cur) {
		ui_rl_text(ls, UI_R_NORMAL, "No results yet: s opens the "
			   "simulation panel, r runs with the last settings");
	}
	if (ws->base && !ws->job)
		ui_rl_text(ls, UI_R_DIM, "A baseline is kept: r runs the "
			   "journey as it is now against it (b drops it)");
	if (ws->cur)
		ui_res_outcome(ls, ws->cur);
}

/* --- drawing ---------------------------------------------------------- */

static void ui_res_draw_bar(struct ui *ui, int y, const struct ui_rl *l)
{
	int lw = 6, x = 1 + lw, bw = ui->cols - 2 - lw - 2 - 8, fill;

	bw = bw > 40 ? 40 : bw < 4 ? 4 : bw;
	fill = (int)(l->share * bw + 0.5);
	if (l->share > 0 && fill == 0)
		fill = 1;	/* something, however little, shows */
	ui_put(ui, y, 1, lw, l->text, UI_R_HEADER);
	ui_put(ui, y, x, 1, "[", UI_R_DIM);
	wattrset(stdscr, ui_attr(ui, UI_R_OK) | A_BOLD);
	for (int k = 0; k < fill; k++)
		mvwaddch(stdscr, y, x + 1 + k, '#');
	wattrset(stdscr, ui_attr(ui, UI_R_DIM));
	for (int k = fill; k < bw; k++)
		mvwaddch(stdscr, y, x + 1 + k, '.');
	wattrset(stdscr, A_NORMAL);
	ui_put(ui, y, x + 1 + bw, 1, "]", UI_R_DIM);
	ui_put(ui, y, x + 3 + bw, ui->cols - x - 3 - bw, l->value, UI_R_NORMAL);
}

static void ui_res_title(struct ui *ui, size_t top, size_t n, int h)
{
	const char *state = ui_live_state(ui);
	char left[200], right[96] = "";

	snprintf(left, sizeof left, "Results: %s", ui->view.j.title);
	if (n > (size_t)h)
		snprintf(right, sizeof right, "%zu-%zu of %zu", top + 1,
			 top + (size_t)h < n ? top + (size_t)h : n, n);
	/* Figures of an older journey say so (ui_live.c). */
	if (state)
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "%s%s", right[0] ? " \xc2\xb7 " : "", state);
	ui_title(ui, left, right);
}

static void ui_results_draw(struct ui *ui)
{
	struct ui_rlines ls;
	int h = ui->rows - 2;
	size_t most;

	memset(&ls, 0, sizeof ls);
	ui_res_build(ui, &ls);
	most = ls.n > (size_t)h ? ls.n - (size_t)h : 0;
	if (ui->ws.top > most)
		ui->ws.top = most;
	ui_res_title(ui, ui->ws.top, ls.n, h);
	for (int r = 0; r < h && ui->ws.top + (size_t)r < ls.n; r++) {
		const struct ui_rl *l = &ls.l[ui->ws.top + (size_t)r];

		if (l->kind == UI_RL_BAR)
			ui_res_draw_bar(ui, 1 + r, l);
		else if (l->kind == UI_RL_PROGRESS)
			ui_sim_progress(ui, 1 + r, 1, ui->cols - 2);
		else
			ui_put(ui, 1 + r, 1, ui->cols - 2, l->text, l->role);
	}
	ui_rl_free(&ls);
	if (ui->ws.job)
		ui_status(ui, ui_res_hints_run, sizeof ui_res_hints_run /
			  sizeof ui_res_hints_run[0], UI_CTX_RESULTS);
	else
		ui_status(ui, ui_res_hints, sizeof ui_res_hints /
			  sizeof ui_res_hints[0], UI_CTX_RESULTS);
}

/* --- actions ---------------------------------------------------------- */

static void ui_res_scroll(struct ui *ui, enum ui_action a)
{
	size_t page = ui->rows > 4 ? (size_t)ui->rows - 3 : 1;

	/* The next draw keeps the scroll in range. */
	ui_scroll_move(a, &ui->ws.top, page, SIZE_MAX / 2);
}

static void ui_res_baseline(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	char n[32];

	if (ws->base) {
		/* The baseline may be the results shown: free it only once. */
		if (ws->base != ws->cur)
			ws_outcome_free(ws->base);
		ws->base = NULL;
		ui_message(ui, "Baseline dropped: r now runs a plain simulation");
		return;
	}
	if (!ws->cur) {
		ui_error(ui, "No results to keep yet: s simulates");
		return;
	}
	ws->base = ws->cur;
	ui_message(ui, "Baseline kept (%s customer%s): change the map, then r",
		   ui_sim_count(ws->cur->res.customers, n, sizeof n),
		   ws->cur->res.customers == 1 ? "" : "s");
}

static char *ui_res_changes(const struct ws_outcome *o)
{
	struct strbuf b;
	char **lines;
	size_t n;

	strbuf_init(&b);
	strbuf_puts(&b, "");
	if (o->compared) {
		n = ws_changes(&o->base_j, &o->j, &lines);
		for (size_t i = 0; i < n; i++)
			strbuf_printf(&b, "%s%s", i ? "\n" : "", lines[i]);
		ws_lines_free(lines, n);
	}
	return strbuf_detach(&b);
}

/* The scenario record of the results shown. */
static void ui_res_scenario(const struct ws_outcome *o,
			    struct store_scenario *sc)
{
	sc->customers = o->set.customers;
	sc->seed = o->set.seed;
	sc->persona = xstrdup(o->set.persona);
	sc->plain = o->set.plain;
	sc->changes = ui_res_changes(o);
	ws_conversion(&o->res, &sc->conv, &sc->conv_lo, &sc->conv_hi);
	sc->nps = ws_nps(&o->res);
	sc->base_conv = sc->base_lo = sc->base_hi = NAN;
	sc->diff = sc->diff_lo = sc->diff_hi = NAN;
	sc->base_nps = NAN;
	if (o->compared) {
		ws_conversion(&o->base, &sc->base_conv, &sc->base_lo,
			      &sc->base_hi);
		ws_difference(o, &sc->diff, &sc->diff_lo, &sc->diff_hi,
			      &sc->significant);
		sc->base_nps = ws_nps(&o->base);
	}
}

static void ui_res_save(struct ui *ui)
{
	struct store_scenario sc;
	char *name;
	int rc;

	if (!ui->ws.cur) {
		ui_error(ui, "No results to save yet: s simulates");
		return;
	}
	/* The results shown are the previous run's until this one ends:
	 * saving them now would file them under the wrong changes. */
	if (ui->ws.job) {
		ui_error(ui, "Not saved: a run is going on (Esc cancels it); "
			 "save when it has finished");
		return;
	}
	name = ui_ask(ui, "Scenario name:", NULL);
	if (!name)
		return;
	if (util_str_empty(name)) {
		free(name);
		ui_error(ui, "Not saved: a scenario needs a name");
		return;
	}
	memset(&sc, 0, sizeof sc);
	sc.name = name;
	sc.report = ws_outcome_string(SIM_FMT_JSON, ui->ws.cur);
	if (!sc.report) {
		ui_error(ui, "Not saved: the results could not be written out");
	} else {
		ui_res_scenario(ui->ws.cur, &sc);
		rc = store_scenario_save(ui->store, ui->key, &sc, false);
		if (rc == STORE_EXISTS &&
		    ui_confirm(ui, "Scenario '%s' exists. Replace it?", name))
			rc = store_scenario_save(ui->store, ui->key, &sc, true);
		if (rc == STORE_OK)
			ui_message(ui, "Saved scenario '%s' (S lists the "
				   "scenarios)", name);
		else if (rc != STORE_EXISTS)
			ui_error(ui, "Not saved: %s", store_errmsg(ui->store));
		else
			ui_message(ui, "Not saved: '%s' kept as it was", name);
	}
	free(sc.persona);
	free(sc.changes);
	free(sc.report);
	free(name);
}

static void ui_results_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_CANCEL:
		if (!ui_sim_cancel(ui))
			ui_pop(ui);
		break;
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	case UI_ACT_BASELINE:
		ui_res_baseline(ui);
		break;
	case UI_ACT_RERUN:
		ui_sim_start(ui);
		ui->ws.top = 0;
		break;
	case UI_ACT_SAVE_SCENARIO:
		ui_res_save(ui);
		break;
	case UI_ACT_RESTORE_BASE:
		ui_map_restore_base(ui);
		break;
	case UI_ACT_SIMULATE:
		ui_sim_panel(ui);
		break;
	case UI_ACT_WALK:
		ui_walk_open(ui);
		break;
	case UI_ACT_IMPACT:
		if (ui->ws.cur)
			ui_impact_open(ui);
		else
			ui_error(ui, "The impact view needs results: s simulates");
		break;
	case UI_ACT_WOM:
		ui_wom_open(ui);
		break;
	case UI_ACT_SCENARIOS:
		ui_scenarios_open(ui);
		break;
	case UI_ACT_EXPORT:
		ui_sim_export(ui);
		break;
	default:
		ui_res_scroll(ui, a);
		break;
	}
}

static void ui_results_mouse(struct ui *ui, const MEVENT *ev)
{
	if (ev->bstate & BUTTON4_PRESSED)
		ui_res_scroll(ui, UI_ACT_UP);
	else if (ev->bstate & BUTTON5_PRESSED)
		ui_res_scroll(ui, UI_ACT_DOWN);
}

const struct ui_screen ui_results_screen = {
	"results", UI_CTX_RESULTS, ui_results_draw, ui_results_action, NULL,
	ui_results_mouse, NULL,
};

void ui_results_open(struct ui *ui)
{
	ui->ws.top = 0;
	ui_push(ui, &ui_results_screen);
}

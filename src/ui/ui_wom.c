/*
 * ui_wom.c - word of mouth over time: the `mot simulate --days` market
 * run (a Bass diffusion whose imitation comes from the promoters the
 * journey makes) started from a small form, and its adoption curve drawn
 * in the terminal.
 *
 * The chart reads without colour: '*' is the share of the market that
 * has bought (cumulative adopters), 'o' the promoters, on a 0..100% axis
 * over the days; where both fall in one cell the adopters win.  Below it
 * a line says when half the market had adopted, how many did in the end
 * and the busiest day of new entrants.  A run goes in the background
 * (ui_sim_start_market): its progress shows on top and Esc cancels it.
 */
#include "ui_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define UI_WOM_YAXIS 5          /* "100% |" left of the plot */
#define UI_WOM_ADOPTERS '*'
#define UI_WOM_PROMOTERS 'o'
#define UI_WOM_DETRACTORS 'x'

static const struct ui_hint ui_wom_hints[] = {
	{ UI_ACT_SIMULATE, "run" }, { UI_ACT_CANCEL, "cancel/back" },
	{ UI_ACT_EXPORT, "export" }, { UI_ACT_HELP, "help" },
};

static bool ui_wom_running(const struct ui *ui)
{
	return ui->ws.job && ui->ws.job_kind == WS_JOB_MARKET;
}

/* --- the settings form ------------------------------------------------ */

enum { W_MARKET, W_DAYS, W_P, W_Q, W_QD };

/* A field of the form, filled with v unless v is negative (empty: the
 * designer has to say). */
static struct ui_field *ui_wom_field(struct ui *ui, const char *label,
				     enum ui_field_kind kind, double v,
				     double min, double max, bool min_open)
{
	struct ui_field *f = ui_form_add(ui, label, kind);

	f->required = true;
	f->min = min;
	f->max = max;
	f->min_open = min_open;
	if (v >= 0)
		ui_field_set_number(f, v);
	return f;
}

static bool ui_wom_save(struct ui *ui)
{
	struct ws_settings *set = &ui->ws.set;
	const struct ui_field *f = ui->form.f;

	set->market = (uint64_t)ui_field_number(&f[W_MARKET]);
	set->days = (unsigned)ui_field_number(&f[W_DAYS]);
	set->p = ui_field_number(&f[W_P]);
	set->q = ui_field_number(&f[W_Q]);
	set->qd = ui_field_number(&f[W_QD]);
	if (set->qd < 0)	/* empty: as strong as q, as --qd defaults */
		set->qd = set->q;
	set->market_asked = true;
	/* The form goes first: the run's progress shows on the chart. */
	ui_pop(ui);
	ui_sim_start_market(ui);
	return false;
}

/* The bounds of `mot simulate --days --market --p --q --qd`. */
static void ui_wom_form(struct ui *ui)
{
	struct ws_settings *set = &ui->ws.set;

	if (ui->ws.job) {
		ui_error(ui, "A simulation is running: wait for it, or Esc on "
			 "its screen cancels it");
		return;
	}
	if (set->customers == 0)
		ws_settings_init(set);
	ui_form_reset(ui, "Word of mouth over time");
	ui_wom_field(ui, "Market size (people)", UI_FIELD_INT,
		     (double)set->market, 1, 1e10, false);
	ui_wom_field(ui, "Days", UI_FIELD_INT, set->days, 1, 100000, false);
	/* p and q mean something only for this journey's market (a purchase
	 * is not an accident): like `mot simulate --days`, which requires
	 * --p and --q, the form has no values for them until the designer
	 * gave some, and then offers those again. */
	bool asked = set->market_asked;
	struct ui_field *f;

	f = ui_wom_field(ui, "p, innovation a day", UI_FIELD_NUMBER,
			 asked ? set->p : -1, 0, 10, true);
	f->tip = "required: the share of the market that starts the journey "
		 "by itself each day (0.03: 3%); see WORD OF MOUTH in mot(1)";
	f = ui_wom_field(ui, "q, imitation a day", UI_FIELD_NUMBER,
			 asked ? set->q : -1, 0, 100, false);
	f->tip = "required: how strongly promoters pull others in "
		 "(0 to 100; 0.38 is a typical product)";
	f = ui_wom_field(ui, "qd, held back a day", UI_FIELD_NUMBER,
			 asked ? set->qd : -1, 0, 100, false);
	f->required = false;
	f->has_def = true;
	f->def = -1;
	f->tip = "how strongly detractors hold others back (0 to 100); "
		 "empty: the same as q";
	ui_form_open(ui, ui_wom_save);
}

void ui_wom_open(struct ui *ui)
{
	ui_push(ui, &ui_wom_screen);
	if (!ui->ws.market && !ui_wom_running(ui))
		ui_wom_form(ui);
}

/* --- the chart -------------------------------------------------------- */

static double ui_wom_share(uint64_t k, uint64_t market)
{
	return market ? (double)k / (double)market : 0;
}

/* Row (0 = top) of a share 0..1 in a plot of h rows. */
static int ui_wom_row(double share, int h)
{
	int r = (int)lround((1 - share) * (h - 1));

	return r < 0 ? 0 : r >= h ? h - 1 : r;
}

static void ui_wom_axes(struct ui *ui, int y0, int h, int x0, int w,
			unsigned days)
{
	char buf[32];

	for (int r = 0; r < h; r++)
		ui_put(ui, y0 + r, x0 - 1, 1, "|", UI_R_DIM);
	ui_put(ui, y0, 0, 4, "100%", UI_R_DIM);
	ui_put(ui, y0 + ui_wom_row(0.5, h), 0, 4, " 50%", UI_R_DIM);
	ui_put(ui, y0 + h - 1, 0, 4, "  0%", UI_R_DIM);
	wattrset(stdscr, ui_attr(ui, UI_R_DIM));
	mvwhline(stdscr, y0 + h, x0, '-', w);
	mvwaddch(stdscr, y0 + h, x0 - 1, '+');
	wattrset(stdscr, A_NORMAL);
	ui_put(ui, y0 + h + 1, x0, w, "day 1", UI_R_DIM);
	snprintf(buf, sizeof buf, "day %u", days);
	ui_put(ui, y0 + h + 1, x0 + w - (int)strlen(buf), (int)strlen(buf), buf,
	       UI_R_DIM);
	if (w > 40 && days > 2) {
		snprintf(buf, sizeof buf, "day %u", (days + 1) / 2);
		ui_put(ui, y0 + h + 1, x0 + w / 2 - (int)strlen(buf) / 2,
		       (int)strlen(buf), buf, UI_R_DIM);
	}
}

static void ui_wom_point(struct ui *ui, int y, int x, char c,
			 enum ui_role role)
{
	wattrset(stdscr, ui_attr(ui, role) | A_BOLD);
	mvwaddch(stdscr, y, x, (chtype)(unsigned char)c);
	wattrset(stdscr, A_NORMAL);
}

/* Column x of w shows the last day of its share of the days; with fewer
 * days than columns a day spans several columns, so the curve has no
 * gaps. */
static void ui_wom_plot(struct ui *ui, const struct ws_outcome *o, int y0,
			int h, int x0, int w)
{
	unsigned days = o->set.days;

	for (int x = 0; x < w; x++) {
		size_t d = (size_t)(((uint64_t)(x + 1) * days + (unsigned)w - 1) /
				    (unsigned)w) - 1;
		const struct sim_market_day *day = &o->days[d];
		int ya = ui_wom_row(ui_wom_share(day->cumulative_adopters,
						 o->set.market), h);
		int yp = ui_wom_row(ui_wom_share(day->promoters, o->set.market),
				    h);
		int yd = ui_wom_row(ui_wom_share(day->detractors,
						 o->set.market), h);

		if (yd != ya && yd != yp)
			ui_wom_point(ui, y0 + yd, x0 + x, UI_WOM_DETRACTORS,
				     UI_R_ERROR);
		if (yp != ya)
			ui_wom_point(ui, y0 + yp, x0 + x, UI_WOM_PROMOTERS,
				     UI_R_OK);
		ui_wom_point(ui, y0 + ya, x0 + x, UI_WOM_ADOPTERS, UI_R_KEY);
	}
}

/* "Half the market adopted by day 23, final adopters ..." and "Peak ..." */
static void ui_wom_summary(struct ui *ui, const struct ws_outcome *o, int y)
{
	const struct sim_market_day *last = &o->days[o->set.days - 1];
	uint64_t half = (o->set.market + 1) / 2, peak = 0;
	unsigned half_day = 0, peak_day = 0;
	char a[32], b[32], pr[32], de[32];

	for (unsigned d = 0; d < o->set.days; d++) {
		if (!half_day && o->days[d].cumulative_adopters >= half)
			half_day = o->days[d].day;
		if (o->days[d].new_entrants > peak) {
			peak = o->days[d].new_entrants;
			peak_day = o->days[d].day;
		}
	}
	ui_putf(ui, y, 0, ui->cols, UI_R_HEADER, "Final adopters %s (%.1f%%) "
		"| promoters %s, detractors %s (qd %g)",
		ui_sim_count(last->cumulative_adopters, a, sizeof a),
		100.0 * ui_wom_share(last->cumulative_adopters, o->set.market),
		ui_sim_count(last->promoters, pr, sizeof pr),
		ui_sim_count(last->detractors, de, sizeof de), o->set.qd);
	ui_sim_count(peak, b, sizeof b);
	if (half_day)
		ui_putf(ui, y + 1, 0, ui->cols, UI_R_NORMAL, "Half adopted by "
			"day %u | peak %s new entrants a day (day %u)",
			half_day, b, peak_day);
	else
		ui_putf(ui, y + 1, 0, ui->cols, UI_R_NORMAL, "Not half adopted "
			"in %u days | peak %s new entrants a day (day %u)",
			o->set.days, b, peak_day);
}

static void ui_wom_chart(struct ui *ui, const struct ws_outcome *o, int y0)
{
	int x0 = UI_WOM_YAXIS + 1, w = ui->cols - x0 - 1;
	int h = ui->rows - y0 - 5;   /* axis, labels, 2 summary, status */

	if (!o->days || o->set.days == 0 || h < 3 || w < 10)
		return;
	ui_wom_axes(ui, y0, h, x0, w, o->set.days);
	ui_wom_plot(ui, o, y0, h, x0, w);
	ui_wom_summary(ui, o, ui->rows - 3);
}

static void ui_wom_draw(struct ui *ui)
{
	const struct ws_outcome *o = ui->ws.market;
	char right[96], m[32];
	int y = 1;

	if (o)
		snprintf(right, sizeof right, "M %s, %u days, p %g, q %g",
			 ui_sim_count(o->set.market, m, sizeof m), o->set.days,
			 o->set.p, o->set.q);
	ui_title(ui, "Word of mouth over time", o ? right : NULL);
	if (ui_wom_running(ui)) {
		ui_sim_progress(ui, y++, 0, ui->cols);
	}
	if (!o) {
		ui_put(ui, y + 1, 0, ui->cols, ui_wom_running(ui) ?
		       "The market is being simulated: Esc cancels." :
		       "No word-of-mouth run yet: s sets the market size, "
		       "days, p, q and qd.", UI_R_DIM);
	} else {
		ui_putf(ui, y++, 0, ui->cols, UI_R_NORMAL, ui->cols >= 66 ?
			"%c adopters (bought, cumulative)   %c promoters   "
			"%c detractors" : "%c adopters %c promoters "
			"%c detractors", UI_WOM_ADOPTERS, UI_WOM_PROMOTERS,
			UI_WOM_DETRACTORS);
		ui_wom_chart(ui, o, y);
	}
	ui_status(ui, ui_wom_hints, sizeof ui_wom_hints /
		  sizeof ui_wom_hints[0], UI_CTX_WOM);
}

static void ui_wom_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_CANCEL:
		if (ui_wom_running(ui)) {
			ui_sim_cancel(ui);
			ui_message(ui, "Cancelled: the word-of-mouth run stopped%s",
				   ui->ws.market ? "; the curve before is kept" :
				   "");
			break;
		}
		ui_pop(ui);
		break;
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	case UI_ACT_SIMULATE:
		ui_wom_form(ui);
		break;
	case UI_ACT_EXPORT:
		ui_sim_export(ui);
		break;
	default:
		break;
	}
}

const struct ui_screen ui_wom_screen = {
	"wom", UI_CTX_WOM, ui_wom_draw, ui_wom_action, NULL, NULL, NULL,
};

/*
 * ui_scenarios.c - the what-if scenarios kept with the open journey
 * (workshop mode): a list with the key figures and what changed, one
 * scenario in detail, delete, export.  The list is read from the store
 * when the screen opens and after every change; scenarios are not edits
 * of the journey, so they have no undo.
 */
#include "ui_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct ui_hint ui_sc_hints[] = {
	{ UI_ACT_OPEN, "show" }, { UI_ACT_DELETE, "delete" },
	{ UI_ACT_EXPORT, "export" }, { UI_ACT_HELP, "help" },
	{ UI_ACT_BACK, "back" },
};

static const struct ui_hint ui_sc_detail_hints[] = {
	{ UI_ACT_BACK, "list" }, { UI_ACT_DOWN, "scroll" },
	{ UI_ACT_DELETE, "delete" }, { UI_ACT_EXPORT, "export" },
	{ UI_ACT_HELP, "help" },
};

#define UI_SC_LIST_Y 2      /* the first line of the list */
#define UI_SC_ROW_LINES 2   /* figures, then what changed */
#define UI_SC_DATE_COLS 64  /* from this width the date has a column */
#define UI_SC_LABEL 11      /* the labels of the detail */

static const char ui_sc_empty[] = "No scenarios yet: run a simulation (s), "
	"keep it as the baseline (b), change the journey, run again (r) and "
	"save it (n)";

/* --- the list in ui->ws ------------------------------------------------ */

void ui_scenarios_free(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	store_scenario_free(ws->scen, ws->n_scen);
	ws->scen = NULL;
	ws->n_scen = ws->scen_sel = ws->scen_top = 0;
	ws->scen_detail = false;
}

/* Read the list again; the cursor stays on the same scenario when it is
 * still there.  On failure the old list stays, with a message. */
static int ui_sc_load(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	struct store_scenario *list;
	int64_t keep = ws->scen_sel < ws->n_scen ? ws->scen[ws->scen_sel].id : 0;
	size_t n;
	int rc = store_scenario_list(ui->store, ui->key, &list, &n);

	if (rc != STORE_OK) {
		ui_error(ui, "Cannot read the scenarios: %s",
			 store_errmsg(ui->store));
		return rc;
	}
	store_scenario_free(ws->scen, ws->n_scen);
	ws->scen = list;
	ws->n_scen = n;
	for (size_t i = 0; keep && i < n; i++)
		if (list[i].id == keep)
			ws->scen_sel = i;
	if (ws->scen_sel >= n)
		ws->scen_sel = n ? n - 1 : 0;
	return STORE_OK;
}

void ui_scenarios_open(struct ui *ui)
{
	if (!ui->key) {
		ui_error(ui, "Open a journey first: scenarios belong to one");
		return;
	}
	ui_scenarios_free(ui);
	if (ui_sc_load(ui) == STORE_OK)
		ui_push(ui, &ui_scenarios_screen);
}

static void ui_sc_close(struct ui *ui)
{
	ui_scenarios_free(ui);
	ui_pop(ui);
}

/* --- figures as text --------------------------------------------------- */

/* A share as a percentage; "-" where nothing was measured. */
static void ui_sc_pct(double v, int decimals, char *buf, size_t len)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.*f%%", decimals, v * 100);
}

/* A difference of shares in percentage points, signed. */
static void ui_sc_points(double v, char *buf, size_t len)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		ui_format_signed(v * 100, 2, buf, len);
}

static void ui_sc_nps(double v, char *buf, size_t len)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		ui_format_signed(v, 0, buf, len);
}

static bool ui_sc_has_base(const struct store_scenario *sc)
{
	return !isnan(sc->base_conv);
}

/* What changed, in one line: the first change and how many more. */
static void ui_sc_summary(const struct store_scenario *sc, char *buf,
			  size_t len)
{
	const char *c = sc->changes ? sc->changes : "";
	size_t first = strcspn(c, "\n"), more = 0;

	for (const char *p = c + first; *p; p++)
		if (*p == '\n' && p[1])
			more++;
	if (!*c)
		snprintf(buf, len, "%s", ui_sc_has_base(sc) ?
			 "no change to the baseline" :
			 "no baseline: the results of one run");
	else if (more)
		snprintf(buf, len, "%.*s (+%zu more)", (int)first, c, more);
	else
		snprintf(buf, len, "%.*s", (int)first, c);
}

/* --- one scenario in detail -------------------------------------------- */

/*
 * The detail is a column of lines, wrapped to the width, scrolled by
 * ws->scen_top (the list recomputes its own top when it shows again).
 * One pass counts the lines, so the scroll stops at the last page; the
 * next draws them.
 */
struct ui_sc_out {
	struct ui *ui;
	size_t top, line;   /* first line shown; lines so far */
	int y, y_end;       /* next screen row; past the last one */
	bool draw;
};

static void ui_sc_emit(struct ui_sc_out *o, const char *label, int x,
		       const char *text, enum ui_role role)
{
	struct ui *ui = o->ui;

	if (o->draw && o->line >= o->top && o->y < o->y_end) {
		if (label)
			ui_put(ui, o->y, 1, UI_SC_LABEL - 1, label,
			       UI_R_HEADER);
		ui_put(ui, o->y, x, ui->cols - x, text, role);
		o->y++;
	}
	o->line++;
}

/* text at column x, wrapped at spaces; label (or NULL) before its first
 * line; the lines after the first `hang` columns further in. */
static void ui_sc_text(struct ui_sc_out *o, const char *label, int x,
		       int hang, const char *text, enum ui_role role)
{
	for (bool first = true; first || *text; first = false) {
		int lx = first ? x : x + hang, w = o->ui->cols - lx - 1, cols;
		size_t n = util_utf8_prefix(text, w > 1 ? w : 1, &cols);
		size_t cut = n;
		char *part;

		if (text[n])
			while (cut > 0 && text[cut] != ' ')
				cut--;
		if (cut == 0)
			cut = n ? n : strlen(text);
		part = xstrndup(text, cut);
		ui_sc_emit(o, first ? label : NULL, lx, part, role);
		free(part);
		text += cut;
		while (*text == ' ')
			text++;
	}
}

static void ui_sc_textf(struct ui_sc_out *o, const char *label,
			enum ui_role role, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void ui_sc_textf(struct ui_sc_out *o, const char *label,
			enum ui_role role, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ui_sc_text(o, label, 1 + UI_SC_LABEL, 0, buf, role);
}

static void ui_sc_detail_settings(struct ui_sc_out *o,
				  const struct store_scenario *sc)
{
	char when[40];

	ui_when(sc->created, when, sizeof when);
	ui_sc_textf(o, "Saved", UI_R_NORMAL, "%s", when);
	ui_sc_textf(o, "Settings", UI_R_NORMAL, "%llu customers, seed %llu, "
		    "%s%s%s, %s", (unsigned long long)sc->customers,
		    (unsigned long long)sc->seed,
		    sc->persona ? "persona '" : "all personas",
		    sc->persona ? sc->persona : "", sc->persona ? "'" : "",
		    sc->plain ? "plain Markov chain" : "full model");
}

static void ui_sc_detail_figures(struct ui_sc_out *o,
				 const struct store_scenario *sc)
{
	char a[32], lo[32], hi[32], b[32];

	ui_sc_pct(sc->conv, 2, a, sizeof a);
	ui_sc_pct(sc->conv_lo, 2, lo, sizeof lo);
	ui_sc_pct(sc->conv_hi, 2, hi, sizeof hi);
	if (!ui_sc_has_base(sc)) {
		ui_sc_textf(o, "Conversion", UI_R_NORMAL, "%s (95%%: %s to %s)",
			    a, lo, hi);
		ui_sc_nps(sc->nps, a, sizeof a);
		ui_sc_textf(o, "NPS", UI_R_NORMAL, "%s", a);
		return;
	}
	ui_sc_pct(sc->base_conv, 2, b, sizeof b);
	ui_sc_textf(o, "Conversion", UI_R_NORMAL, "scenario %s (%s to %s)", a,
		    lo, hi);
	ui_sc_pct(sc->base_lo, 2, lo, sizeof lo);
	ui_sc_pct(sc->base_hi, 2, hi, sizeof hi);
	ui_sc_textf(o, NULL, UI_R_NORMAL, "baseline %s (%s to %s)", b, lo, hi);
	ui_sc_points(sc->diff, a, sizeof a);
	ui_sc_points(sc->diff_lo, lo, sizeof lo);
	ui_sc_points(sc->diff_hi, hi, sizeof hi);
	ui_sc_textf(o, "Difference", sc->significant ? UI_R_OK : UI_R_NORMAL,
		    "%s points (95%%: %s to %s), %s", a, lo, hi,
		    sc->significant ? "significant" : "not significant");
	ui_sc_nps(sc->nps, a, sizeof a);
	ui_sc_nps(sc->base_nps, b, sizeof b);
	ui_sc_textf(o, "NPS", UI_R_NORMAL, "scenario %s, baseline %s", a, b);
}

static void ui_sc_detail_changes(struct ui_sc_out *o,
				 const struct store_scenario *sc)
{
	const char *c = sc->changes ? sc->changes : "";
	char summary[200];

	if (!*c) {
		ui_sc_summary(sc, summary, sizeof summary);
		ui_sc_textf(o, "Changes", UI_R_DIM, "%s", summary);
		return;
	}
	ui_sc_emit(o, "Changes", 1 + UI_SC_LABEL, "against the baseline:",
		   UI_R_NORMAL);
	while (*c) {
		size_t n = strcspn(c, "\n");
		char *line = xstrndup(c, n);

		if (*line)
			ui_sc_text(o, NULL, 3, 2, line, UI_R_NORMAL);
		free(line);
		c += n;
		if (*c == '\n')
			c++;
	}
}

static void ui_sc_detail_pass(struct ui_sc_out *o,
			      const struct store_scenario *sc)
{
	ui_sc_detail_settings(o, sc);
	ui_sc_detail_figures(o, sc);
	ui_sc_detail_changes(o, sc);
}

/* --- the list ---------------------------------------------------------- */

/* Scenarios that fit on the screen at once. */
static int ui_sc_page(const struct ui *ui)
{
	int h = (ui->rows - UI_SC_LIST_Y - 2) / UI_SC_ROW_LINES;

	return h > 0 ? h : 1;
}

/* "  CONV     DIFF   NPS" and the rows under it: 22 columns. */
static void ui_sc_figures(const struct store_scenario *sc, char *buf,
			  size_t len)
{
	char conv[32], pts[39], diff[40], nps[32];
	bool mark = sc->significant && !isnan(sc->diff);

	ui_sc_pct(sc->conv, 1, conv, sizeof conv);
	/* room for the mark after the figure, however long a figure from a
	 * database edited by hand is */
	ui_sc_points(sc->diff, pts, sizeof pts);
	snprintf(diff, sizeof diff, "%s%c", pts, mark ? '*' : ' ');
	ui_sc_nps(sc->nps, nps, sizeof nps);
	snprintf(buf, len, "%7s %8s %5s", conv, diff, nps);
}

static void ui_sc_row(struct ui *ui, int y, size_t i)
{
	const struct store_scenario *sc = &ui->ws.scen[i];
	enum ui_role r = i == ui->ws.scen_sel ? UI_R_SELECTED : UI_R_NORMAL;
	bool date_col = ui->cols >= UI_SC_DATE_COLS;
	char fig[128], when[40], line[600];
	int fx = ui->cols - 23, nw = fx - (date_col ? 19 : 1) - 1;

	ui_fill(ui, y, 0, ui->cols, r);
	ui_put(ui, y, 1, nw, sc->name, r);
	ui_when(sc->created, when, sizeof when);
	if (date_col)
		ui_put(ui, y, fx - 18, 17, when, r);
	ui_sc_figures(sc, fig, sizeof fig);
	ui_put(ui, y, fx, ui->cols - fx, fig, r);
	ui_sc_summary(sc, line, sizeof line);
	if (date_col)
		ui_put(ui, y + 1, 3, ui->cols - 3, line, UI_R_DIM);
	else	/* the day (not the time) goes before the changes */
		ui_putf(ui, y + 1, 3, ui->cols - 3, UI_R_DIM, "%.10s  %s", when,
			line);
}

static void ui_sc_draw_list(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	int page = ui_sc_page(ui), fx = ui->cols - 23;
	char right[48], head[160];

	snprintf(right, sizeof right, "%zu saved", ws->n_scen);
	snprintf(head, sizeof head, "Scenarios of %s", ui->key);
	ui_title(ui, head, right);
	ui_put(ui, 1, 1, fx - 2, "SCENARIO", UI_R_HEADER);
	if (ui->cols >= UI_SC_DATE_COLS)
		ui_put(ui, 1, fx - 18, 17, "SAVED", UI_R_HEADER);
	snprintf(head, sizeof head, "%7s %8s %5s", "CONV", "DIFF ", "NPS");
	ui_put(ui, 1, fx, ui->cols - fx, head, UI_R_HEADER);
	if (ws->n_scen == 0) {
		struct ui_sc_out o = { ui, 0, 0, UI_SC_LIST_Y, ui->rows - 1,
				       true };

		ui_sc_text(&o, NULL, 1, 0, ui_sc_empty, UI_R_DIM);
		return;
	}
	ws->scen_top = ui_list_top(ws->scen_sel, ws->scen_top, page,
				   ws->n_scen);
	for (int r = 0; r < page && ws->scen_top + (size_t)r < ws->n_scen; r++)
		ui_sc_row(ui, UI_SC_LIST_Y + r * UI_SC_ROW_LINES,
			  ws->scen_top + (size_t)r);
	ui_put(ui, ui->rows - 2, 1, ui->cols - 1, "* significant (95%), DIFF "
	       "in points", UI_R_DIM);
}

/* Lines of the detail that fit at once. */
static int ui_sc_detail_page(const struct ui *ui)
{
	return ui->rows - 3 > 1 ? ui->rows - 3 : 1;
}

static void ui_sc_draw_detail(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	const struct store_scenario *sc = &ws->scen[ws->scen_sel];
	struct ui_sc_out o = { ui, 0, 0, 2, 2 + ui_sc_detail_page(ui), false };
	size_t page = (size_t)ui_sc_detail_page(ui);
	char title[600];

	ui_sc_detail_pass(&o, sc);
	if (ws->scen_top + page > o.line)
		ws->scen_top = o.line > page ? o.line - page : 0;
	snprintf(title, sizeof title, "Scenario: %s", sc->name);
	ui_title(ui, title, "");
	ui_put(ui, 1, 1, ui->cols - 1, ui->view.j.title ? ui->view.j.title :
	       ui->key, UI_R_DIM);
	o = (struct ui_sc_out){ ui, ws->scen_top, 0, 2,
				2 + ui_sc_detail_page(ui), true };
	ui_sc_detail_pass(&o, sc);
}

static void ui_sc_draw(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	if (ws->scen_detail && ws->scen_sel >= ws->n_scen)
		ws->scen_detail = false;	/* gone in a reload */
	if (ws->scen_detail) {
		ui_sc_draw_detail(ui);
		ui_status(ui, ui_sc_detail_hints, sizeof ui_sc_detail_hints /
			  sizeof ui_sc_detail_hints[0], UI_CTX_SCENARIOS);
	} else {
		ui_sc_draw_list(ui);
		ui_status(ui, ui_sc_hints, sizeof ui_sc_hints /
			  sizeof ui_sc_hints[0], UI_CTX_SCENARIOS);
	}
}

/* --- actions ----------------------------------------------------------- */

static void ui_sc_delete(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	char *name = xstrdup(ws->scen[ws->scen_sel].name);
	int64_t id = ws->scen[ws->scen_sel].id;
	int rc;

	if (!ui_confirm(ui, "Delete scenario '%s'?", name)) {
		free(name);
		return;
	}
	rc = store_scenario_delete(ui->store, ui->key, id);
	if (rc == STORE_OK)
		ui_message(ui, "Deleted scenario '%s'", name);
	else if (rc == STORE_NOT_FOUND)
		ui_error(ui, "Scenario '%s' was deleted already", name);
	else
		ui_error(ui, "Cannot delete scenario '%s': %s", name,
			 store_errmsg(ui->store));
	free(name);
	ws->scen_detail = false;
	ws->scen_top = 0;
	ui_sc_load(ui);
}

/* Scroll the detail; the draw stops it at the last page. */
static bool ui_sc_scroll(struct ui *ui, enum ui_action a)
{
	return ui_scroll_move(a, &ui->ws.scen_top,
			      (size_t)ui_sc_detail_page(ui), SIZE_MAX / 2);
}

static void ui_sc_detail_action(struct ui *ui, enum ui_action a)
{
	if (ui_sc_scroll(ui, a))
		return;
	switch (a) {
	case UI_ACT_OPEN:
	case UI_ACT_BACK:
		ui->ws.scen_detail = false;
		ui->ws.scen_top = 0;	/* the list finds its own */
		break;
	case UI_ACT_DELETE:
		ui_sc_delete(ui);
		break;
	case UI_ACT_EXPORT:
		ui_sim_export(ui);
		break;
	default:
		break;
	}
}

static void ui_sc_action(struct ui *ui, enum ui_action a)
{
	struct ui_ws_state *ws = &ui->ws;

	if (ws->scen_detail) {
		ui_sc_detail_action(ui, a);
		return;
	}
	if (ui_list_move(a, &ws->scen_sel, ws->n_scen, ui_sc_page(ui)))
		return;
	if (a == UI_ACT_BACK) {
		ui_sc_close(ui);
		return;
	}
	if (a == UI_ACT_EXPORT) {	/* it offers what there is to write */
		ui_sim_export(ui);
		return;
	}
	if (a != UI_ACT_OPEN && a != UI_ACT_DELETE)
		return;
	if (ws->n_scen == 0) {
		ui_error(ui, "No scenarios yet: save one from the results (n)");
		return;
	}
	if (a == UI_ACT_OPEN) {
		ws->scen_detail = true;
		ws->scen_top = 0;
	} else {
		ui_sc_delete(ui);
	}
}

static void ui_sc_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_ws_state *ws = &ui->ws;
	size_t row;

	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum ui_action a = ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			UI_ACT_DOWN;

		if (ws->scen_detail)
			ui_sc_scroll(ui, a);
		else
			ui_list_move(a, &ws->scen_sel, ws->n_scen, 1);
		return;
	}
	if (ws->scen_detail || ev->y < UI_SC_LIST_Y)
		return;
	row = ws->scen_top + (size_t)((ev->y - UI_SC_LIST_Y) / UI_SC_ROW_LINES);
	if (row >= ws->n_scen ||
	    (ev->y - UI_SC_LIST_Y) / UI_SC_ROW_LINES >= ui_sc_page(ui))
		return;
	ws->scen_sel = row;
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED) {
		ws->scen_detail = true;
		ws->scen_top = 0;
	}
}

/* The journey was reloaded (another mot, an undo): its scenarios may
 * have changed too. */
static void ui_sc_reloaded(struct ui *ui)
{
	ui_sc_load(ui);
}

const struct ui_screen ui_scenarios_screen = {
	"scenarios", UI_CTX_SCENARIOS, ui_sc_draw, ui_sc_action, NULL,
	ui_sc_mouse, ui_sc_reloaded,
};

/*
 * ui_transitions.c - the selected touchpoint's transitions: where its
 * customers go next (with each one's share of the weight) and where they
 * come from.  Add one by picking the target from a list filtered as you
 * type, change a weight or label in a small form, delete one.  Loops of
 * the messy middle are marked "<>".
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journey_path.h"
#include "util.h"

static const struct ui_hint ui_tr_hints[] = {
	{ UI_ACT_OPEN, "weight/label" }, { UI_ACT_ADD, "add out" },
	{ UI_ACT_ADD_IN, "add in" },
	{ UI_ACT_DELETE, "delete" }, { UI_ACT_UNDO, "undo" },
	{ UI_ACT_HELP, "help" }, { UI_ACT_BACK, "back" },
};

/* One transition shown: from touchpoint `from`, its next[k]. */
struct ui_tr_row {
	bool out;
	size_t from, k;
};

void ui_transitions_free(struct ui *ui)
{
	free(ui->trans.key);
	memset(&ui->trans, 0, sizeof ui->trans);
}

void ui_transitions_open(struct ui *ui, const char *key)
{
	ui_transitions_free(ui);
	ui->trans.key = xstrdup(key);
	ui_push(ui, &ui_transitions_screen);
}

/* The touchpoint's transitions, out first; *n_out of them go out. */
static struct ui_tr_row *ui_tr_rows(const struct ui *ui, size_t *n,
				    size_t *n_out)
{
	const struct ui_view *v = &ui->view;
	long me = ui_view_find(v, ui->trans.key);
	struct ui_tr_row *rows = NULL;
	size_t cap = 0;

	*n = *n_out = 0;
	if (me < 0)
		return NULL;
	for (size_t k = 0; k < v->j.touchpoints[me].n_next; k++) {
		util_reserve((void **)&rows, &cap, *n + 1, sizeof *rows);
		rows[(*n)++] = (struct ui_tr_row){ true, (size_t)me, k };
	}
	*n_out = *n;
	for (size_t e = v->in_off[me]; e < v->in_off[me + 1]; e++) {
		util_reserve((void **)&rows, &cap, *n + 1, sizeof *rows);
		rows[(*n)++] = (struct ui_tr_row){ false, v->in[e].from,
						   v->in[e].k };
	}
	return rows;
}

static const char *ui_tp_name(const struct ui_view *v, const char *key)
{
	long i = ui_view_find(v, key);

	return i >= 0 ? v->j.touchpoints[i].name : key;
}

/* --- drawing ---------------------------------------------------------- */

static void ui_tr_line(struct ui *ui, int y, const struct ui_tr_row *r,
		       bool sel, double sum)
{
	const struct ui_view *v = &ui->view;
	const struct mot_touchpoint *from = &v->j.touchpoints[r->from];
	const struct mot_transition *t = &from->next[r->k];
	enum ui_role role = sel ? UI_R_SELECTED : UI_R_NORMAL;
	long to = ui_view_find(v, t->to);
	int nw = ui->cols >= 70 ? 28 : ui->cols / 2 - 4, x = 0;
	char num[40], buf[80];

	ui_fill(ui, y, 0, ui->cols, role);
	x += ui_put(ui, y, 1, 3, r->out ? "->" : "<-", role) + 2;
	ui_put(ui, y, x, nw - 1, r->out ? ui_tp_name(v, t->to) : from->name,
	       role);
	x += nw;
	model_format_number(t->weight, num, sizeof num);
	if (r->out)
		snprintf(buf, sizeof buf, "%6s %3.0f%%", num,
			 100 * t->weight / sum);
	else
		snprintf(buf, sizeof buf, "%6s", num);
	x += ui_put(ui, y, x, 12, buf, role) + 1;
	if (ui_view_loop(v, r->from, to) == UI_LOOP_MESSY)
		x += ui_put(ui, y, x, 2, "<>", sel ? role : UI_R_LOOP) + 1;
	else if (ui_view_loop(v, r->from, to) == UI_LOOP_BACK)
		x += ui_put(ui, y, x, 4, "back", sel ? role : UI_R_DIM) + 1;
	if (t->label)
		ui_put(ui, y, x, ui->cols - x, t->label, sel ? role : UI_R_DIM);
}

static void ui_tr_draw(struct ui *ui)
{
	struct ui_trans_state *st = &ui->trans;
	long me = ui_view_find(&ui->view, st->key);
	size_t n, n_out;
	struct ui_tr_row *rows = ui_tr_rows(ui, &n, &n_out);
	int h = ui->rows - 5, y = 1;
	double sum;
	char title[200];

	for (int l = 0; l < UI_LINES_MAX; l++)
		st->line_row[l] = -1;
	if (me < 0) {
		ui_title(ui, "Transitions", NULL);
		ui_put(ui, 2, 0, ui->cols, "The touchpoint is no longer there; "
		       "q goes back", UI_R_ERROR);
		free(rows);
		return;
	}
	snprintf(title, sizeof title, "Transitions of %s",
		 ui->view.j.touchpoints[me].name);
	ui_title(ui, title, model_stage_label(ui->view.j.touchpoints[me].stage));
	sum = journey_out_weight(&ui->view.j.touchpoints[me]);
	if (st->sel >= n)
		st->sel = n ? n - 1 : 0;
	st->top = ui_list_top(st->sel, st->top, h, n);
	ui_putf(ui, y++, 0, ui->cols, UI_R_HEADER, "Out: where its customers "
		"go next (%zu)%s", n_out, n_out ? "" : ": none, they leave");
	for (size_t i = st->top; i < n && y < ui->rows - 1; i++) {
		if (i == n_out || (i == st->top && i > n_out))
			ui_putf(ui, y++, 0, ui->cols, UI_R_HEADER, "In: where "
				"they come from (%zu)", n - n_out);
		if (y < ui->rows - 1 && y < UI_LINES_MAX) {
			st->line_row[y] = (long)i;
			ui_tr_line(ui, y++, &rows[i], i == st->sel, sum);
		}
	}
	if (n == n_out && y < ui->rows - 1)
		ui_put(ui, y, 0, ui->cols, "In: no transition leads here",
		       UI_R_HEADER);
	free(rows);
	ui_status(ui, ui_tr_hints, sizeof ui_tr_hints / sizeof ui_tr_hints[0],
		  UI_CTX_TRANSITIONS);
}

/* --- the weight and label form ---------------------------------------- */

static void ui_tr_fields(struct ui *ui, const struct mot_transition *t)
{
	struct ui_field *f = ui_form_add(ui, "Weight", UI_FIELD_NUMBER);

	f->min = 0;
	f->max = 1e12;
	f->min_open = true;
	f->has_def = true;
	f->def = MOT_DEFAULT_WEIGHT;
	ui_field_set_number(f, t ? t->weight : MOT_DEFAULT_WEIGHT);
	f = ui_form_add(ui, "Label", UI_FIELD_TEXT);
	ui_field_set(f, t ? t->label : NULL);
}

/* Refused: another mot changed, deleted or added the transition, or
 * deleted a card of it, meanwhile. */
static void ui_tr_rebase(struct ui *ui, struct ui_change *c)
{
	struct ui_tr_state *b = &c->tr[UI_BEFORE];
	long from = ui_view_find(&ui->view, c->tr_from), k;
	const struct mot_transition *t;
	struct ui_form_stash st;

	if (from < 0 || ui_view_find(&ui->view, c->tr_to) < 0) {
		snprintf(ui->form.note, sizeof ui->form.note, "A card of this "
			 "transition was deleted by another mot meanwhile: "
			 "Esc discards yours.");
		return;
	}
	k = ui_transition_find(ui, (size_t)from, c->tr_to);
	t = k >= 0 ? &ui->view.j.touchpoints[from].next[k] : NULL;
	free(b->label);
	b->label = NULL;
	b->exists = t != NULL;
	if (!t && c->tr[UI_AFTER].exists) {	/* saving adds it again */
		ui_form_note_gone(ui, "the transition");
		return;
	}
	b->weight = t ? t->weight : 0;
	b->label = t ? xstrdup(t->label) : NULL;
	ui_form_rebase_begin(ui, &st);
	ui_tr_fields(ui, t);
	ui_form_rebase_end(ui, &st);
}

static bool ui_tr_save(struct ui *ui)
{
	struct ui_change *c = ui->form.draft;
	struct ui_tr_state *b = &c->tr[UI_BEFORE], *a = &c->tr[UI_AFTER];

	a->exists = true;
	a->weight = ui_field_number(&ui->form.f[0]);
	free(a->label);
	a->label = ui_field_text(&ui->form.f[1]);
	if (b->exists && a->weight == b->weight &&
	    util_streq(a->label, b->label)) {
		ui_message(ui, "No change");
		return true;
	}
	return ui_form_commit_or_rebase(ui, ui_tr_rebase) == STORE_OK;
}

/* The form for from -> to; weight and label of the transition t, or of a
 * new one when t is NULL. */
static void ui_tr_form(struct ui *ui, const char *from, const char *to,
		       const struct mot_transition *t)
{
	const char *a = ui_tp_name(&ui->view, from);
	const char *b = ui_tp_name(&ui->view, to);
	struct ui_change *c;
	char title[300];

	snprintf(title, sizeof title, "%s transition: %s -> %s",
		 t ? "Change" : "New", a, b);
	ui_form_reset(ui, title);
	c = ui_change_new(UI_CHANGE_TRANSITION, ui->key, "%s transition "
			  "'%s' -> '%s'", t ? "change" : "add", a, b);
	c->tr_from = xstrdup(from);
	c->tr_to = xstrdup(to);
	if (t) {
		c->tr[UI_BEFORE].exists = true;
		c->tr[UI_BEFORE].weight = t->weight;
		c->tr[UI_BEFORE].label = xstrdup(t->label);
	}
	ui->form.draft = c;
	ui_tr_fields(ui, t);
	ui_form_open(ui, ui_tr_save);
}

/* --- actions ---------------------------------------------------------- */

/* a: a transition out to a card picked from a list; A: one in, from a
 * card picked the same way (the other end of the same kind of edge). */
static void ui_tr_add(struct ui *ui, bool incoming)
{
	const struct ui_view *v = &ui->view;
	size_t n = v->j.n_touchpoints;
	char **items = xcalloc(n + 1, sizeof *items);
	long me = ui_view_find(v, ui->trans.key), pick;
	const char *from, *to;

	for (size_t i = 0; i < n; i++)
		items[i] = xasprintf("%s  (%s)", v->j.touchpoints[i].name,
				     model_stage_label(v->j.touchpoints[i].stage));
	pick = ui_pick(ui, incoming ? "Where do customers come from? Pick "
		       "the source" : "Where do customers go next? Pick the "
		       "target", (const char *const *)items, n, incoming ?
		       (me > 0 ? me - 1 : me) : me + 1 < (long)n ? me + 1 : me);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	if (pick < 0 || ui->quit)
		return;
	from = incoming ? v->j.touchpoints[pick].key : ui->trans.key;
	to = incoming ? ui->trans.key : v->j.touchpoints[pick].key;
	if (ui_transition_find(ui, (size_t)ui_view_find(v, from), to) >= 0) {
		ui_error(ui, "There is a transition %s -> %s already: Enter "
			 "changes it", ui_tp_name(v, from), ui_tp_name(v, to));
		return;
	}
	ui_tr_form(ui, from, to, NULL);
}

bool ui_transition_delete(struct ui *ui, size_t from, size_t k)
{
	const struct mot_touchpoint *src = &ui->view.j.touchpoints[from];
	const struct mot_transition *t = &src->next[k];
	const char *to = ui_tp_name(&ui->view, t->to);
	struct ui_change *c;

	if (!ui_confirm(ui, "Delete the transition %s -> %s?", src->name, to))
		return false;
	c = ui_change_new(UI_CHANGE_TRANSITION, ui->key, "delete transition "
			  "'%s' -> '%s'", src->name, to);
	c->tr_from = xstrdup(src->key);
	c->tr_to = xstrdup(t->to);
	c->tr[UI_BEFORE].exists = true;
	c->tr[UI_BEFORE].weight = t->weight;
	c->tr[UI_BEFORE].label = xstrdup(t->label);
	return ui_do(ui, c) == STORE_OK;
}

/* The index in from's next[] of the transition to `to`, or -1. */
long ui_transition_find(const struct ui *ui, size_t from, const char *to)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[from];

	for (size_t k = 0; k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, to))
			return (long)k;
	return -1;
}

bool ui_transition_new(struct ui *ui, const char *from, const char *to,
		       double weight, const char *label)
{
	struct ui_change *c;

	c = ui_change_new(UI_CHANGE_TRANSITION, ui->key, "add transition "
			  "'%s' -> '%s'", ui_tp_name(&ui->view, from),
			  ui_tp_name(&ui->view, to));
	c->tr_from = xstrdup(from);
	c->tr_to = xstrdup(to);
	c->tr[UI_AFTER].exists = true;
	c->tr[UI_AFTER].weight = weight;
	c->tr[UI_AFTER].label = util_str_empty(label) ? NULL : xstrdup(label);
	return ui_do(ui, c) == STORE_OK;
}

static void ui_tr_action(struct ui *ui, enum ui_action a)
{
	struct ui_trans_state *st = &ui->trans;
	size_t n, n_out;
	struct ui_tr_row *rows = ui_tr_rows(ui, &n, &n_out);

	if (ui_list_move(a, &st->sel, n, ui->rows - 5)) {
		free(rows);
		return;
	}
	switch (a) {
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	case UI_ACT_ADD:
	case UI_ACT_ADD_IN:
		ui_tr_add(ui, a == UI_ACT_ADD_IN);
		break;
	case UI_ACT_OPEN:
	case UI_ACT_DELETE:
		if (st->sel >= n) {
			ui_error(ui, "No transition here: a adds one");
		} else if (a == UI_ACT_DELETE) {
			ui_transition_delete(ui, rows[st->sel].from,
					     rows[st->sel].k);
		} else {
			const struct mot_touchpoint *from =
				&ui->view.j.touchpoints[rows[st->sel].from];

			ui_tr_form(ui, from->key, from->next[rows[st->sel].k].to,
				   &from->next[rows[st->sel].k]);
		}
		break;
	default:
		break;
	}
	free(rows);
}

static void ui_tr_reloaded(struct ui *ui)
{
	if (ui->trans.key && ui_view_find(&ui->view, ui->trans.key) < 0 &&
	    ui_top(ui) == &ui_transitions_screen) {
		ui_error(ui, "The touchpoint is no longer there");
		ui_pop(ui);
	}
}

static void ui_tr_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_trans_state *st = &ui->trans;
	size_t n, n_out;
	struct ui_tr_row *rows = ui_tr_rows(ui, &n, &n_out);

	free(rows);
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &st->sel, n, 1);
		return;
	}
	if (ev->y < 0 || ev->y >= UI_LINES_MAX || st->line_row[ev->y] < 0)
		return;
	st->sel = (size_t)st->line_row[ev->y];
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_tr_action(ui, UI_ACT_OPEN);
}

const struct ui_screen ui_transitions_screen = {
	"transitions", UI_CTX_TRANSITIONS, ui_tr_draw, ui_tr_action, NULL,
	ui_tr_mouse, ui_tr_reloaded,
};

/*
 * ui_personas.c - the journey's personas (list and form, like the
 * touchpoints) and the journey's own title and description.
 */
#include "ui_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct ui_hint ui_pe_hints[] = {
	{ UI_ACT_OPEN, "edit" }, { UI_ACT_ADD, "add" },
	{ UI_ACT_DELETE, "delete" }, { UI_ACT_META, "title" },
	{ UI_ACT_UNDO, "undo" }, { UI_ACT_HELP, "help" },
	{ UI_ACT_BACK, "back" },
};

#define UI_PE_LIST_Y 5

void ui_personas_open(struct ui *ui)
{
	memset(&ui->personas, 0, sizeof ui->personas);
	ui_push(ui, &ui_personas_screen);
}

/* --- drawing ---------------------------------------------------------- */

/*
 * The columns right of the name, as wide as the terminal allows: every
 * figure under its whole name from 80 columns, the two that matter most
 * for a walk (share and patience) on narrow screens; the form shows all.
 */
struct ui_pe_cols {
	int name_w;          /* columns of the name */
	bool bias, sens;     /* shown */
	const char *sens_head;
};

static void ui_pe_cols(const struct ui *ui, struct ui_pe_cols *c)
{
	c->bias = c->sens = ui->cols >= 60;
	c->sens_head = ui->cols >= 80 ? "EMOTION SENSITIVITY" : "SENSITIVITY";
	c->name_w = ui->cols - 16 - (c->bias ? 13 : 0) -
		(c->sens ? 1 + (int)strlen(c->sens_head) : 0);
}

static void ui_pe_row(struct ui *ui, int y, size_t i, const struct ui_pe_cols *c)
{
	const struct mot_persona *p = &ui->view.j.personas[i];
	enum ui_role r = i == ui->personas.sel ? UI_R_SELECTED : UI_R_NORMAL;
	char share[40], bias[40], sens[40], buf[160];
	int sw = (int)strlen(c->sens_head);

	ui_fill(ui, y, 0, ui->cols, r);
	ui_put(ui, y, 1, c->name_w - 2, p->name, r);
	model_format_number(p->share, share, sizeof share);
	model_format_number(p->explore_bias, bias, sizeof bias);
	model_format_number(p->emotion_sensitivity, sens, sizeof sens);
	snprintf(buf, sizeof buf, "%6s %8d", share, p->patience);
	if (c->bias)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %12s",
			 bias);
	if (c->sens)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %*s",
			 sw, sens);
	ui_put(ui, y, c->name_w, ui->cols - c->name_w, buf, r);
}

/* Shares that do not add up to 1: said under the list, with what a
 * simulation makes of them (it scales them, as `mot validate` says). */
static void ui_pe_shares(struct ui *ui, int y, double sum)
{
	const struct mot_journey *j = &ui->view.j;
	struct strbuf b;
	char num[40];

	ui_fill(ui, y, 0, ui->cols, UI_R_NORMAL);
	ui_putf(ui, y, 1, ui->cols - 1, UI_R_ERROR, "The shares add up to %s, "
		"not 1", model_format_number(sum, num, sizeof num));
	strbuf_init(&b);
	strbuf_puts(&b, "a simulation scales them:");
	for (size_t i = 0; i < j->n_personas; i++)
		strbuf_printf(&b, "%s %s %.0f%%", i ? "," : "",
			      j->personas[i].name,
			      100 * j->personas[i].share / sum);
	ui_fill(ui, y + 1, 0, ui->cols, UI_R_NORMAL);
	ui_put(ui, y + 1, 1, ui->cols - 1, b.s, UI_R_DIM);
	strbuf_free(&b);
}

static void ui_pe_draw(struct ui *ui)
{
	struct ui_personas_state *st = &ui->personas;
	const struct mot_journey *j = &ui->view.j;
	int h = ui->rows - UI_PE_LIST_Y - 4, shown = 0;
	struct ui_pe_cols c;
	double sum = 0;
	char right[64], head[96];
	bool off;

	for (size_t i = 0; i < j->n_personas; i++)
		sum += j->personas[i].share;
	off = j->n_personas > 0 && fabs(sum - 1) > 1e-6;
	snprintf(right, sizeof right, "%s%s", ui_plural(j->n_personas,
		 "persona", "personas"), off ? ", shares off" : "");
	ui_title(ui, "Personas and journey", right);
	ui_putf(ui, 1, 0, ui->cols, UI_R_NORMAL, "Title: %s", j->title);
	ui_putf(ui, 2, 0, ui->cols, UI_R_DIM, "Description: %s",
		j->description ? j->description : "-");
	ui_put(ui, 3, 0, ui->cols, "e edits the title and description",
	       UI_R_DIM);
	ui_pe_cols(ui, &c);
	ui_put(ui, 4, 1, c.name_w - 2, "PERSONA", UI_R_HEADER);
	snprintf(head, sizeof head, "%6s %8s", "SHARE", "PATIENCE");
	if (c.bias)
		snprintf(head + strlen(head), sizeof head - strlen(head),
			 " %12s", "EXPLORE BIAS");
	if (c.sens)
		snprintf(head + strlen(head), sizeof head - strlen(head),
			 " %s", c.sens_head);
	ui_put(ui, 4, c.name_w, ui->cols - c.name_w, head, UI_R_HEADER);
	if (st->sel >= j->n_personas)
		st->sel = j->n_personas ? j->n_personas - 1 : 0;
	st->top = ui_list_top(st->sel, st->top, h, j->n_personas);
	for (int r = 0; r < h && st->top + (size_t)r < j->n_personas; r++) {
		ui_pe_row(ui, UI_PE_LIST_Y + r, st->top + (size_t)r, &c);
		shown++;
	}
	if (j->n_personas == 0)
		ui_put(ui, UI_PE_LIST_Y, 1, ui->cols - 1, "No personas: a "
		       "simulation walks one average customer. a adds one.",
		       UI_R_DIM);
	else if (off)	/* right under the list, where the shares are */
		ui_pe_shares(ui, UI_PE_LIST_Y + shown, sum);
	ui_status(ui, ui_pe_hints, sizeof ui_pe_hints / sizeof ui_pe_hints[0],
		  UI_CTX_PERSONAS);
}

/* --- the persona form ------------------------------------------------- */

enum { P_NAME, P_KEY, P_DESC, P_SHARE, P_PATIENCE, P_BIAS, P_SENS };

/* A number field; empty means the file format's default, def. */
static void ui_pe_number(struct ui *ui, const char *label,
			 enum ui_field_kind kind, double v, double min,
			 double max, bool min_open, double def)
{
	struct ui_field *f = ui_form_add(ui, label, kind);

	f->min = min;
	f->max = max;
	f->min_open = min_open;
	f->has_def = true;
	f->def = def;
	ui_field_set_number(f, v);
}

static void ui_pe_fields(struct ui *ui, const struct mot_persona *p)
{
	struct ui_field *f = ui_form_add(ui, "Name", UI_FIELD_TEXT);

	f->required = true;
	ui_field_set(f, p->name);
	f = ui_form_add(ui, "Key", UI_FIELD_KEY);
	ui_field_set(f, p->key);
	f->extra = true;	/* made from the name: the long form's */
	ui_field_set(ui_form_add(ui, "Description", UI_FIELD_TEXT),
		     p->description);
	ui_pe_number(ui, "Share", UI_FIELD_NUMBER, p->share, 0, 1, false,
		     MOT_DEFAULT_SHARE);
	ui_pe_number(ui, "Patience", UI_FIELD_INT, p->patience, 1, 1e6, false,
		     MOT_DEFAULT_PATIENCE);
	ui_pe_number(ui, "Explore bias", UI_FIELD_NUMBER, p->explore_bias, 0,
		     1e6, true, MOT_DEFAULT_EXPLORE_BIAS);
	ui_pe_number(ui, "Emotion sensitivity", UI_FIELD_NUMBER,
		     p->emotion_sensitivity, 0, 1e6, false,
		     MOT_DEFAULT_EMOTION_SENSITIVITY);
}

static void ui_pe_read(struct ui *ui, struct mot_persona *p)
{
	struct ui_field *f = ui->form.f;

	free(p->name);
	p->name = ui_field_text(&f[P_NAME]);
	free(p->key);
	p->key = ui_field_text(&f[P_KEY]);
	free(p->description);
	p->description = ui_field_text(&f[P_DESC]);
	p->share = ui_field_number(&f[P_SHARE]);
	p->patience = (int)ui_field_number(&f[P_PATIENCE]);
	p->explore_bias = ui_field_number(&f[P_BIAS]);
	p->emotion_sensitivity = ui_field_number(&f[P_SENS]);
}

/* Refused: another mot changed or deleted the persona meanwhile. */
static void ui_pe_rebase(struct ui *ui, struct ui_change *c)
{
	struct ui_pe_state *b = &c->pe[UI_BEFORE];
	struct ui_form_stash st;
	long i = b->exists ? model_persona_find(&ui->view.j, b->p.key) : -1;

	if (!b->exists)
		return;
	model_persona_free(&b->p);
	model_persona_init(&b->p);
	if (i < 0) {	/* saving adds it again */
		b->exists = false;
		ui_form_note_gone(ui, "the persona");
		return;
	}
	model_persona_copy(&b->p, &ui->view.j.personas[i]);
	ui_form_rebase_begin(ui, &st);
	ui_pe_fields(ui, &b->p);
	ui_form_rebase_end(ui, &st);
}

static bool ui_pe_save(struct ui *ui)
{
	struct ui_change *c = ui->form.draft;
	struct ui_pe_state *b = &c->pe[UI_BEFORE], *a = &c->pe[UI_AFTER];
	struct ui_field *kf = &ui->form.f[P_KEY];

	a->exists = true;
	model_persona_free(&a->p);
	if (b->exists)
		model_persona_copy(&a->p, &b->p);
	else
		model_persona_init(&a->p);
	ui_pe_read(ui, &a->p);
	if (!a->p.key)
		a->p.key = b->exists ? xstrdup(b->p.key) :
			ui_key_from_name(a->p.name, &ui->view.j, true);
	if (!(b->exists && util_streq(a->p.key, b->p.key)) &&
	    model_persona_find(&ui->view.j, a->p.key) >= 0) {
		ui_form_focus(ui, P_KEY);
		snprintf(kf->err, sizeof kf->err, "Key: another persona is "
			 "'%s' already", a->p.key);
		return false;
	}
	free(c->what);
	c->what = xasprintf("%s persona '%s'", b->exists ? "edit" : "add",
			    a->p.name);
	return ui_form_commit_or_rebase(ui, ui_pe_rebase) == STORE_OK;
}

static void ui_pe_form(struct ui *ui, const struct mot_persona *p)
{
	struct ui_change *c;
	struct mot_persona fresh;

	ui_form_reset(ui, p ? "Edit persona" : "New persona");
	c = ui_change_new(UI_CHANGE_PERSONA, ui->key, "persona");
	if (p) {
		c->pe[UI_BEFORE].exists = true;
		model_persona_free(&c->pe[UI_BEFORE].p);
		model_persona_copy(&c->pe[UI_BEFORE].p, p);
	}
	ui->form.draft = c;
	model_persona_init(&fresh);
	ui_pe_fields(ui, p ? p : &fresh);
	ui_form_open(ui, ui_pe_save);
}

static void ui_pe_delete(struct ui *ui, const struct mot_persona *p)
{
	struct ui_change *c;

	if (!ui_confirm(ui, "Delete persona '%s'?", p->name))
		return;
	c = ui_change_new(UI_CHANGE_PERSONA, ui->key, "delete persona '%s'",
			  p->name);
	c->pe[UI_BEFORE].exists = true;
	model_persona_free(&c->pe[UI_BEFORE].p);
	model_persona_copy(&c->pe[UI_BEFORE].p, p);
	ui_do(ui, c);
}

/* --- the journey's title and description ----------------------------- */

static void ui_meta_fields(struct ui *ui, const struct mot_journey *j)
{
	struct ui_field *f = ui_form_add(ui, "Title", UI_FIELD_TEXT);

	f->required = true;
	ui_field_set(f, j->title);
	ui_field_set(ui_form_add(ui, "Description", UI_FIELD_TEXT),
		     j->description);
}

/* Refused: another mot changed the title or description meanwhile. */
static void ui_meta_rebase(struct ui *ui, struct ui_change *c)
{
	struct ui_meta_state *b = &c->meta[UI_BEFORE];
	struct ui_form_stash st;

	free(b->title);
	free(b->description);
	b->title = xstrdup(ui->view.j.title);
	b->description = xstrdup(ui->view.j.description);
	ui_form_rebase_begin(ui, &st);
	ui_meta_fields(ui, &ui->view.j);
	ui_form_rebase_end(ui, &st);
}

static bool ui_meta_save(struct ui *ui)
{
	struct ui_change *c = ui->form.draft;
	struct ui_meta_state *b = &c->meta[UI_BEFORE], *a = &c->meta[UI_AFTER];
	bool title, desc;

	free(a->title);		/* a save again after a conflict */
	free(a->description);
	a->title = ui_field_text(&ui->form.f[0]);
	a->description = ui_field_text(&ui->form.f[1]);
	title = !util_streq(a->title, b->title);
	desc = !util_streq(a->description, b->description);

	if (!title && !desc) {
		ui_message(ui, "No change");
		return true;
	}
	/* Undo and redo say what they take back. */
	free(c->what);
	c->what = xasprintf("change the %s of '%s'", title && desc ?
			    "title and description" : title ? "title" :
			    "description", ui->key);
	return ui_form_commit_or_rebase(ui, ui_meta_rebase) == STORE_OK;
}

void ui_meta_edit(struct ui *ui)
{
	const struct mot_journey *j = &ui->view.j;
	struct ui_change *c;

	ui_form_reset(ui, "Journey title and description");
	c = ui_change_new(UI_CHANGE_META, ui->key, "edit '%s'", ui->key);
	c->meta[UI_BEFORE].title = xstrdup(j->title);
	c->meta[UI_BEFORE].description = xstrdup(j->description);
	ui->form.draft = c;
	ui_meta_fields(ui, j);
	ui_form_open(ui, ui_meta_save);
}

/* --- actions ---------------------------------------------------------- */

static void ui_pe_action(struct ui *ui, enum ui_action a)
{
	struct ui_personas_state *st = &ui->personas;
	const struct mot_journey *j = &ui->view.j;

	if (ui_list_move(a, &st->sel, j->n_personas,
			 ui->rows - UI_PE_LIST_Y - 4))
		return;
	switch (a) {
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	case UI_ACT_ADD:
		ui_pe_form(ui, NULL);
		break;
	case UI_ACT_META:
		ui_meta_edit(ui);
		break;
	case UI_ACT_OPEN:
	case UI_ACT_DELETE:
		if (st->sel >= j->n_personas)
			ui_error(ui, "No persona here: a adds one");
		else if (a == UI_ACT_OPEN)
			ui_pe_form(ui, &j->personas[st->sel]);
		else
			ui_pe_delete(ui, &j->personas[st->sel]);
		break;
	default:
		break;
	}
}

static void ui_pe_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_personas_state *st = &ui->personas;
	size_t row;

	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &st->sel, ui->view.j.n_personas, 1);
		return;
	}
	if (ev->y < UI_PE_LIST_Y)
		return;
	row = st->top + (size_t)(ev->y - UI_PE_LIST_Y);
	if (row >= ui->view.j.n_personas)
		return;
	st->sel = row;
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_pe_form(ui, &ui->view.j.personas[row]);
}

const struct ui_screen ui_personas_screen = {
	"personas", UI_CTX_PERSONAS, ui_pe_draw, ui_pe_action, NULL,
	ui_pe_mouse, NULL,
};

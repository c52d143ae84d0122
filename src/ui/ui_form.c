/*
 * ui_form.c - the form screen every editor uses (touchpoints, personas,
 * the journey's title, a transition's weight): labelled fields, one per
 * row, scrolled when they do not fit; Tab/Shift-Tab or Up/Down between
 * fields, Enter saves, Esc cancels.  Each field is checked as it is typed
 * and its error shows at once under the fields; Enter checks them all and
 * goes to the first bad one.  The editors fill the fields and a save
 * function (ui_touchpoint.c, ui_personas.c, ui_transitions.c).
 *
 * A text field is entered with the cursor at the end of its text: typing
 * appends, Ctrl-U clears.  A number is entered selected: typing replaces
 * it, a cursor key keeps it (appending to "0" is never what is meant).
 * Fields an editor marks `extra` make up the long form: the short form
 * hides them and Tab skips them, until Ctrl-F asks for every field (a
 * choice the session remembers).
 */
#include "ui_int.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

static const struct ui_hint ui_form_hints[] = {
	{ UI_ACT_SAVE, "save" }, { UI_ACT_CANCEL, "cancel" },
	{ UI_ACT_NEXT_FIELD, "next" }, { UI_ACT_LONG_FORM, "all fields" },
	{ UI_ACT_PREV_FIELD, "previous" }, { UI_ACT_TOGGLE, "switch yes/no" },
};

static const struct ui_hint ui_form_hints_lines[] = {
	{ UI_ACT_NEWLINE, "new line" }, { UI_ACT_NEXT_FIELD, "next" },
	{ UI_ACT_CANCEL, "cancel" }, { UI_ACT_PREV_FIELD, "previous" },
	{ UI_ACT_LONG_FORM, "all fields" },
};

static const struct ui_hint ui_form_hints_long[] = {
	{ UI_ACT_SAVE, "save" }, { UI_ACT_CANCEL, "cancel" },
	{ UI_ACT_NEXT_FIELD, "next" }, { UI_ACT_LONG_FORM, "short form" },
	{ UI_ACT_PREV_FIELD, "previous" }, { UI_ACT_TOGGLE, "switch yes/no" },
};

void ui_form_free(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	for (int i = 0; i < fm->n; i++)
		ui_field_free(&fm->f[i]);
	ui_form_base_free(ui);
	ui_change_free(fm->draft);
	memset(fm, 0, sizeof *fm);
}

void ui_form_reset(struct ui *ui, const char *title)
{
	ui_form_free(ui);
	snprintf(ui->form.title, sizeof ui->form.title, "%s", title);
}

struct ui_field *ui_form_add(struct ui *ui, const char *label,
			     enum ui_field_kind kind)
{
	struct ui_form *fm = &ui->form;
	struct ui_field *f;

	/* A form with more fields than UI_FORM_MAX is a bug of its caller:
	 * the extra one would silently take the place of the last. */
	assert(fm->n < UI_FORM_MAX);
	f = &fm->f[fm->n < UI_FORM_MAX ? fm->n++ : fm->n - 1];

	ui_field_init(f, label, kind);
	return f;
}

/* Whether the form has fields of the long form at all. */
static bool ui_form_has_extra(const struct ui_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].extra)
			return true;
	return false;
}

static void ui_form_show_fields(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	for (int i = 0; i < fm->n; i++)
		fm->f[i].hidden = fm->f[i].extra && !ui->form_long;
}

void ui_form_open(struct ui *ui, bool (*save)(struct ui *ui))
{
	ui->form.save = save;
	ui->form.top = 0;
	ui_form_show_fields(ui);
	ui_form_focus(ui, 0);
	ui_form_base_take(ui);
	ui_push(ui, &ui_form_screen);
}

static bool ui_form_is_number(const struct ui_field *f)
{
	return f->kind == UI_FIELD_INT || f->kind == UI_FIELD_NUMBER;
}

void ui_form_focus(struct ui *ui, int i)
{
	struct ui_field *f = &ui->form.f[i];

	ui->form.cur = i;
	f->hidden = false;	/* a field to fix shows even in the short form */
	f->fresh = ui_form_is_number(f);
	ui_field_end(f);
}

/* The next shown field from the current one, by step +1 or -1. */
static int ui_form_step(const struct ui_form *fm, int step)
{
	int i = fm->cur;

	for (int k = 0; k < fm->n; k++) {
		i = (i + step + fm->n) % fm->n;
		if (!fm->f[i].hidden)
			return i;
	}
	return fm->cur;
}

/* Shown fields in order: *n of them, indexes into fm->f. */
static int ui_form_shown(const struct ui_form *fm, int *idx)
{
	int n = 0;

	for (int i = 0; i < fm->n; i++)
		if (!fm->f[i].hidden)
			idx[n++] = i;
	return n;
}

/* Ctrl-F: the long form, or back to the short one. */
static void ui_form_toggle_long(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	if (!ui_form_has_extra(fm)) {
		ui_message(ui, "This form has no other fields");
		return;
	}
	ui->form_long = !ui->form_long;
	ui_form_show_fields(ui);
	fm->f[fm->cur].hidden = false;
	ui_message(ui, ui->form_long ? "Every field (Ctrl-F: the short form)" :
		   "The short form: Tab skips the other fields (Ctrl-F: "
		   "every field)");
}

bool ui_form_check(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	for (int i = 0; i < fm->n; i++) {
		if (!ui_field_check(&fm->f[i])) {
			/* The field's message shows under the fields. */
			ui_form_focus(ui, i);
			return false;
		}
	}
	return true;
}

/* --- drawing ---------------------------------------------------------- */

static int ui_form_label_width(const struct ui *ui)
{
	int w = 0;

	for (int i = 0; i < ui->form.n; i++) {
		int lw = util_utf8_width(ui->form.f[i].label);

		w = lw > w ? lw : w;
	}
	return w < ui->cols / 3 ? w : ui->cols / 3;
}

static void ui_form_value(struct ui *ui, struct ui_field *f, int y, int x,
			  int w, bool cur)
{
	char buf[96];
	char *text;

	switch (f->kind) {
	case UI_FIELD_LINES:
		ui_lines_draw(ui, f, y, x, w, cur);
		return;
	case UI_FIELD_BOOL:
		ui_put(ui, y, x, w, f->choice ? "[x] yes" : "[ ] no",
		       cur ? UI_R_SELECTED : UI_R_NORMAL);
		return;
	case UI_FIELD_CHOICE:
		snprintf(buf, sizeof buf, "< %s >", f->n_choices ?
			 f->choices[f->choice] : "");
		ui_put(ui, y, x, w, buf, cur ? UI_R_SELECTED : UI_R_NORMAL);
		return;
	default:
		break;
	}
	if (cur) {
		ui_put_field(ui, f, y, x, w);
		/* Shown selected: the first key typed replaces it. */
		if (f->fresh && f->len) {
			text = ui_field_raw(f, f->scroll);
			ui_put(ui, y, x, w, text, UI_R_SELECTED);
			free(text);
		}
		return;
	}
	text = ui_field_raw(f, 0);
	ui_fill(ui, y, x, w, UI_R_FIELD);
	ui_put(ui, y, x, w, text, UI_R_FIELD);
	free(text);
}

/* Rows a field takes: one, or a row a line for a lines field. */
static int ui_form_rows(const struct ui_field *f)
{
	return f->kind == UI_FIELD_LINES ? ui_lines_rows(f) : 1;
}

/* The first shown field to draw so that the current one shows whole in
 * h rows, moving as little as possible from fm->top. */
static int ui_form_top(const struct ui_form *fm, const int *idx, int n,
		       int cur_row, int h)
{
	int top = fm->top < n ? fm->top : 0, used = 0;

	if (cur_row < top)
		top = cur_row;
	for (int r = top; r <= cur_row; r++)
		used += ui_form_rows(&fm->f[idx[r]]);
	while (used > h && top < cur_row)
		used -= ui_form_rows(&fm->f[idx[top++]]);
	/* Room left below the last field: show more of those above. */
	for (int r = cur_row + 1; r < n; r++)
		used += ui_form_rows(&fm->f[idx[r]]);
	while (top > 0 && used + ui_form_rows(&fm->f[idx[top - 1]]) <= h)
		used += ui_form_rows(&fm->f[idx[--top]]);
	return top;
}

static void ui_form_draw(struct ui *ui)
{
	struct ui_form *fm = &ui->form;
	int h = ui->rows - (fm->note[0] ? 4 : 3), lw = ui_form_label_width(ui);
	int x = lw + 2;
	struct ui_field *cur = &fm->f[fm->cur];
	int idx[UI_FORM_MAX], n = ui_form_shown(fm, idx), cur_row = 0, y = 1;
	char tip[200];

	for (int r = 0; r < n; r++)
		if (idx[r] == fm->cur)
			cur_row = r;
	ui_title(ui, fm->title, NULL);
	fm->top = ui_form_top(fm, idx, n, cur_row, h);
	for (int r = fm->top; r < n && y + ui_form_rows(&fm->f[idx[r]]) <= h + 1;
	     r++) {
		struct ui_field *f = &fm->f[idx[r]];
		bool is_cur = idx[r] == fm->cur;
		enum ui_role role = f->err[0] ? UI_R_ERROR :
			is_cur ? UI_R_HEADER : UI_R_NORMAL;

		ui_put(ui, y, lw - util_utf8_width(f->label) > 0 ?
		       lw - util_utf8_width(f->label) : 0, lw, f->label, role);
		if (is_cur || f->err[0] || fm->theirs[idx[r]])
			ui_put(ui, y, lw, 1, f->err[0] ? "!" :
			       fm->theirs[idx[r]] ? "*" : ">", role);
		ui_form_value(ui, f, y, x, ui->cols - x - 1, is_cur);
		y += ui_form_rows(f);
	}
	ui_field_tip(cur, tip, sizeof tip);
	if (fm->theirs[fm->cur])	/* a conflict: what the other mot has */
		snprintf(tip, sizeof tip, "* another mot: %s",
			 fm->theirs[fm->cur]);
	if (fm->note[0])
		ui_put(ui, ui->rows - 3, 0, ui->cols, fm->note, UI_R_ERROR);
	if (cur->err[0])
		ui_put(ui, ui->rows - 2, 0, ui->cols, cur->err, UI_R_ERROR);
	else
		ui_put(ui, ui->rows - 2, 0, ui->cols, tip, UI_R_DIM);
	if (cur->kind == UI_FIELD_LINES)
		ui_status(ui, ui_form_hints_lines, sizeof ui_form_hints_lines /
			  sizeof ui_form_hints_lines[0],
			  UI_CTX_FORM | UI_CTX_LINES);
	else if (ui->form_long || !ui_form_has_extra(fm))
		ui_status(ui, ui_form_hints_long, sizeof ui_form_hints_long /
			  sizeof ui_form_hints_long[0], UI_CTX_FORM);
	else
		ui_status(ui, ui_form_hints, sizeof ui_form_hints /
			  sizeof ui_form_hints[0], UI_CTX_FORM);
	/* The status line may hold a message; the cursor stays in the field. */
	if (cur->kind == UI_FIELD_BOOL || cur->kind == UI_FIELD_CHOICE)
		ui->cursor_y = -1;
}

/* --- keys ------------------------------------------------------------- */

static bool ui_form_is_text(const struct ui_field *f)
{
	return f->kind != UI_FIELD_BOOL && f->kind != UI_FIELD_CHOICE;
}

/* Editing keys of the current field; true when the value changed. */
static bool ui_form_edit(struct ui_field *f, enum ui_action a)
{
	if (!ui_form_is_text(f) &&
	    (a == UI_ACT_CHAR_LEFT || a == UI_ACT_CHAR_RIGHT ||
	     a == UI_ACT_TOGGLE)) {
		ui_field_cycle(f, a == UI_ACT_CHAR_LEFT ? -1 : 1);
		return true;
	}
	if (a == UI_ACT_TOGGLE) {
		ui_field_insert(f, L' ');
		return true;
	}
	return ui_field_edit(f, a) && (a == UI_ACT_BACKSPACE ||
				       a == UI_ACT_DELETE_CHAR ||
				       a == UI_ACT_KILL_LINE);
}

/* The keys of lines fields: true when a was one and is done with.  In
 * other fields Enter saves and Up, Down go to the fields around. */
static bool ui_form_lines(struct ui *ui, struct ui_field *f, enum ui_action *a)
{
	struct ui_form *fm = &ui->form;

	if (f->kind != UI_FIELD_LINES) {
		if (*a == UI_ACT_NEWLINE)
			*a = UI_ACT_SAVE;
		else if (*a == UI_ACT_UP)
			*a = UI_ACT_PREV_FIELD;
		else if (*a == UI_ACT_DOWN)
			*a = UI_ACT_NEXT_FIELD;
		return false;
	}
	switch (ui_lines_edit(f, *a)) {
	case UI_LINES_NOT_MINE:
		return false;
	case UI_LINES_CHANGED:
		ui_field_check(f);
		return true;
	case UI_LINES_MOVED:
		return true;
	case UI_LINES_NEXT_FIELD:
		ui_field_check(f);
		ui_form_focus(ui, ui_form_step(fm, 1));
		return true;
	case UI_LINES_PREV_FIELD:
		ui_form_focus(ui, ui_form_step(fm, -1));
		return true;
	}
	return false;
}

static void ui_form_action(struct ui *ui, enum ui_action a)
{
	struct ui_form *fm = &ui->form;
	struct ui_field *f = &fm->f[fm->cur];

	if (ui_form_lines(ui, f, &a))
		return;
	switch (a) {
	case UI_ACT_NEXT_FIELD:
		ui_form_focus(ui, ui_form_step(fm, 1));
		return;
	case UI_ACT_PREV_FIELD:
		ui_form_focus(ui, ui_form_step(fm, -1));
		return;
	case UI_ACT_LONG_FORM:
		ui_form_toggle_long(ui);
		return;
	case UI_ACT_CANCEL:
		ui_message(ui, fm->note[0] ? "Discarded: yours was not saved; "
			   "the other mot's version stays" :
			   "Cancelled: nothing was changed");
		ui_pop(ui);
		return;
	case UI_ACT_SAVE:
		if (ui_form_check(ui) && fm->save(ui))
			ui_pop(ui);
		return;
	default:
		break;
	}
	if (a == UI_ACT_TOGGLE && f->fresh && ui_form_is_text(f))
		ui_field_kill(f);
	f->fresh = false;
	/* Checked as typed: the message shows while the value is wrong. */
	if (ui_form_edit(f, a))
		ui_field_check(f);
}

/* A letter in a choice field picks the first choice it starts. */
static void ui_form_pick_letter(struct ui_field *f, wchar_t c)
{
	for (int k = 1; k <= f->n_choices; k++) {
		int i = (f->choice + k) % f->n_choices;
		const char *s = f->choices[i];

		while (*s && !isalnum((unsigned char)*s))
			s++;	/* "<ZMOT" is picked by z */
		if (*s && towlower((wint_t)(unsigned char)*s) ==
		    towlower((wint_t)c)) {
			f->choice = i;
			return;
		}
	}
}

static void ui_form_text(struct ui *ui, wchar_t c)
{
	struct ui_field *f = &ui->form.f[ui->form.cur];

	if (f->kind == UI_FIELD_BOOL) {
		if (c == L'y' || c == L'Y' || c == L'1')
			f->choice = 1;
		else if (c == L'n' || c == L'N' || c == L'0')
			f->choice = 0;
		return;
	}
	if (f->kind == UI_FIELD_CHOICE) {
		ui_form_pick_letter(f, c);
		return;
	}
	if (f->fresh)
		ui_field_kill(f);
	f->fresh = false;
	ui_field_insert(f, c);
	ui_field_check(f);
}

static void ui_form_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_form *fm = &ui->form;
	int idx[UI_FORM_MAX], n = ui_form_shown(fm, idx), y = 1;

	if (ev->y < 1 || ev->y >= ui->rows - 2)
		return;
	for (int r = fm->top; r < n; r++) {
		y += ui_form_rows(&fm->f[idx[r]]);
		if (ev->y < y) {
			ui_form_focus(ui, idx[r]);
			return;
		}
	}
}

/* The rows of lines fields come first in the key table: Enter, Up and
 * Down are theirs, and ui_form_lines() gives them their form meaning in
 * every other field. */
const struct ui_screen ui_form_screen = {
	"form", UI_CTX_FORM | UI_CTX_LINES, ui_form_draw, ui_form_action,
	ui_form_text, ui_form_mouse, NULL,
};

/*
 * ui_prompt.c - modal questions: yes/no, a line of text, a list to pick
 * from (filtered as you type).  Each runs its own small loop over the same
 * input function as the main loop, so resizes, Ctrl-Z and signals work
 * while a question is open; a signal cancels the question, and the main
 * loop then ends.  The screen below is drawn first, so the question shows
 * in context.  They never reload the journey under the caller (no poll):
 * the caller may hold pointers into it.
 */
#include "ui_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

/* Keys of the question, or UI_ACT_NONE; *quit when it must end now. */
static enum ui_action ui_prompt_key(struct ui *ui, unsigned ctx,
				    struct ui_input *in, bool *quit)
{
	ui_getkey(ui, in, false);
	*quit = in->kind == UI_IN_QUIT;
	if (in->kind != UI_IN_CHAR && in->kind != UI_IN_KEY)
		return UI_ACT_NONE;
	return ui_keys_lookup(ctx, in->kind == UI_IN_KEY, in->ch);
}

bool ui_confirm(struct ui *ui, const char *fmt, ...)
{
	char q[512];
	struct ui_input in;
	enum ui_action a;
	bool quit;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	for (;;) {
		int w;

		ui_paint(ui);
		ui_fill(ui, ui->rows - 1, 0, ui->cols, UI_R_NORMAL);
		/* The question may be cut on a narrow screen; "(y/n)" not. */
		w = ui_put(ui, ui->rows - 1, 0, ui->cols - 6, q, UI_R_ERROR);
		ui_put(ui, ui->rows - 1, w, 6, " (y/n)", UI_R_ERROR);
		ui_show(ui);
		a = ui_prompt_key(ui, UI_CTX_CONFIRM, &in, &quit);
		if (quit || a == UI_ACT_NO)
			return false;
		if (a == UI_ACT_YES)
			return true;
	}
}

/* Editing keys shared by the line prompt and the list filter; true when
 * the key was one of them. */
static bool ui_prompt_edit(struct ui_field *f, enum ui_action a,
			   const struct ui_input *in)
{
	if (a == UI_ACT_NONE && in->kind == UI_IN_CHAR) {
		ui_field_insert(f, (wchar_t)in->ch);
		return true;
	}
	return ui_field_edit(f, a);
}

/*
 * A text given to start with (the last search, a file name) is shown
 * selected, as a web form does when a field is entered: typing replaces
 * it, Backspace and Delete clear it, a cursor key keeps it for editing.
 */
static void ui_ask_key(struct ui_field *f, enum ui_action a,
		       const struct ui_input *in)
{
	bool typed = a == UI_ACT_NONE && in->kind == UI_IN_CHAR;

	if (f->fresh && (typed || a == UI_ACT_BACKSPACE ||
			 a == UI_ACT_DELETE_CHAR)) {
		ui_field_kill(f);
		f->fresh = false;
		if (!typed)
			return;
	}
	if (typed || ui_field_edit(f, a))
		f->fresh = false;
	if (typed)
		ui_field_insert(f, (wchar_t)in->ch);
}

char *ui_ask(struct ui *ui, const char *label, const char *initial)
{
	struct ui_field f;
	struct ui_input in;
	enum ui_action a;
	char *out = NULL;
	bool quit;
	int lw;

	ui_field_init(&f, label, UI_FIELD_TEXT);
	ui_field_set(&f, initial);
	f.fresh = f.len > 0;
	for (;;) {
		ui_paint(ui);
		lw = ui_put(ui, ui->rows - 1, 0, ui->cols / 2, label,
			    UI_R_HEADER) + 1;
		ui_fill(ui, ui->rows - 1, lw - 1, 1, UI_R_NORMAL);
		ui_put_field(ui, &f, ui->rows - 1, lw, ui->cols - lw);
		if (f.fresh) {
			char *text = ui_field_raw(&f, f.scroll);

			ui_put(ui, ui->rows - 1, lw, ui->cols - lw, text,
			       UI_R_SELECTED);
			free(text);
		}
		ui_show(ui);
		a = ui_prompt_key(ui, UI_CTX_PROMPT, &in, &quit);
		if (quit || a == UI_ACT_CANCEL)
			break;
		if (a == UI_ACT_SAVE) {
			out = ui_field_text(&f);
			if (!out)
				out = xstrdup("");
			break;
		}
		ui_ask_key(&f, a, &in);
	}
	ui_field_free(&f);
	return out;
}

/* --- a list to pick from ---------------------------------------------- */

struct ui_picker {
	const char *const *items;
	wchar_t **lower;      /* items in lower case, for filtering */
	size_t n;
	size_t *shown;        /* indices of the items the filter lets through */
	size_t n_shown, sel, top;
};

static wchar_t *ui_lower(const char *s)
{
	wchar_t *w = ui_wcs_from_utf8(s, NULL);

	for (wchar_t *p = w; *p; p++)
		*p = (wchar_t)towlower((wint_t)*p);
	return w;
}

static void ui_picker_filter(struct ui_picker *p, const struct ui_field *f,
			     long keep)
{
	wchar_t *needle = xcalloc(f->len + 1, sizeof *needle);

	for (size_t i = 0; i < f->len; i++)
		needle[i] = (wchar_t)towlower((wint_t)f->buf[i]);
	p->n_shown = 0;
	p->sel = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (f->len && !wcsstr(p->lower[i], needle))
			continue;
		if ((long)i == keep)
			p->sel = p->n_shown;
		p->shown[p->n_shown++] = i;
	}
	free(needle);
}

static void ui_picker_draw(struct ui *ui, struct ui_picker *p,
			   struct ui_field *f, const char *title)
{
	int h = ui->rows - 4, lw;

	ui_paint(ui);
	for (int y = 1; y < ui->rows; y++)
		ui_fill(ui, y, 0, ui->cols, UI_R_NORMAL);
	ui_put_pad(ui, 1, 0, ui->cols, title, UI_R_HEADER);
	p->top = ui_list_top(p->sel, p->top, h, p->n_shown);
	for (int r = 0; r < h && p->top + (size_t)r < p->n_shown; r++) {
		size_t k = p->top + (size_t)r;

		ui_put_pad(ui, 3 + r, 0, ui->cols, p->items[p->shown[k]],
			   k == p->sel ? UI_R_SELECTED : UI_R_NORMAL);
	}
	if (p->n_shown == 0)
		ui_put(ui, 3, 2, ui->cols - 2, "(nothing matches)", UI_R_DIM);
	ui_put(ui, ui->rows - 1, 0, ui->cols,
	       "type to filter  Up/Down choose  Enter pick  Esc cancel",
	       UI_R_DIM);
	lw = ui_put(ui, 2, 0, ui->cols, "Filter:", UI_R_KEY) + 1;
	ui_put_field(ui, f, 2, lw, ui->cols - lw);
	ui_show(ui);
}

long ui_pick(struct ui *ui, const char *title, const char *const *items,
	     size_t n, long sel)
{
	struct ui_picker p = { items, NULL, n, NULL, 0, 0, 0 };
	struct ui_field f;
	struct ui_input in;
	enum ui_action a;
	long picked = -1;
	bool quit;

	p.lower = xcalloc(n + 1, sizeof *p.lower);
	p.shown = xcalloc(n + 1, sizeof *p.shown);
	for (size_t i = 0; i < n; i++)
		p.lower[i] = ui_lower(items[i]);
	ui_field_init(&f, "Filter", UI_FIELD_TEXT);
	ui_picker_filter(&p, &f, sel);
	for (;;) {
		ui_picker_draw(ui, &p, &f, title);
		a = ui_prompt_key(ui, UI_CTX_PROMPT, &in, &quit);
		if (quit || a == UI_ACT_CANCEL)
			break;
		if (a == UI_ACT_SAVE && p.n_shown > 0) {
			picked = (long)p.shown[p.sel];
			break;
		}
		if (a == UI_ACT_UP || a == UI_ACT_DOWN) {
			ui_list_move(a, &p.sel, p.n_shown, 1);
			continue;
		}
		if (ui_prompt_edit(&f, a, &in))
			ui_picker_filter(&p, &f, p.n_shown ?
					 (long)p.shown[p.sel] : -1);
	}
	for (size_t i = 0; i < n; i++)
		free(p.lower[i]);
	free(p.lower);
	free(p.shown);
	ui_field_free(&f);
	return picked;
}

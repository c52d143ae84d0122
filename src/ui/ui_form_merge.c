/*
 * ui_form_merge.c - a form whose save the store refused because another
 * mot changed the data underneath.  The form stays open and keeps what
 * the designer typed; the editor fills it again from the newer data,
 * which becomes the draft's before side, and the two are merged field by
 * field against the values the form was opened with (a three-way merge):
 *
 *   - a field the designer did not touch takes the other mot's value, so
 *     saving never silently reverts someone else's edit of it;
 *   - a field the designer changed keeps the typed value; when the other
 *     mot changed it too, the field is marked and says the other value.
 *
 * The note on the form names the fields that differ.  Enter then saves
 * over the newer version as one change (u takes it back to the other
 * mot's version, not to the old one); Esc discards the typed values.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A field's value as text, whatever its kind (malloc'ed). */
static char *ui_form_value_text(const struct ui_field *f)
{
	switch (f->kind) {
	case UI_FIELD_BOOL:
		return xstrdup(f->choice ? "yes" : "no");
	case UI_FIELD_CHOICE:
		return xstrdup(f->n_choices && f->choice < f->n_choices ?
			       f->choices[f->choice] : "");
	default:
		return ui_field_raw(f, 0);
	}
}

void ui_form_base_free(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	for (int i = 0; i < UI_FORM_MAX; i++) {
		free(fm->base[i]);
		free(fm->theirs[i]);
		fm->base[i] = NULL;
		fm->theirs[i] = NULL;
	}
	fm->note[0] = '\0';
}

void ui_form_base_take(struct ui *ui)
{
	struct ui_form *fm = &ui->form;

	ui_form_base_free(ui);
	for (int i = 0; i < fm->n; i++)
		fm->base[i] = ui_form_value_text(&fm->f[i]);
}

int ui_form_commit(struct ui *ui)
{
	struct ui_form *fm = &ui->form;
	char msg[512];
	int rc = ui_undo_try(&ui->undo, ui->store, fm->draft, msg, sizeof msg);

	if (rc == STORE_OK) {
		fm->draft = NULL;	/* the undo list has it */
		ui_message(ui, "Saved: %s (u undoes)", msg);
	} else {
		ui_error(ui, "Not saved: %s", msg);
	}
	ui_reload(ui);
	ui_journeys_refresh(ui);
	return rc;
}

int ui_form_commit_or_rebase(struct ui *ui,
			     void (*rebase)(struct ui *ui,
					    struct ui_change *c))
{
	struct ui_change *c = ui->form.draft;
	int rc = ui_form_commit(ui);

	if (rc == STORE_CONFLICT || rc == STORE_NOT_FOUND)
		rebase(ui, c);
	return rc;
}

void ui_form_note_gone(struct ui *ui, const char *what)
{
	snprintf(ui->form.note, sizeof ui->form.note, "Deleted by another "
		 "mot meanwhile. Enter adds %s again, Esc discards yours.",
		 what);
}

void ui_form_rebase_begin(struct ui *ui, struct ui_form_stash *st)
{
	struct ui_form *fm = &ui->form;

	memcpy(st->f, fm->f, sizeof st->f);
	st->n = fm->n;
	memset(fm->f, 0, sizeof fm->f);
	fm->n = 0;
}

/* Field i after a conflict: mine (typed) or theirs (just filled in). */
static void ui_form_merge_field(struct ui *ui, struct ui_field *mine, int i,
				char *names, size_t len)
{
	struct ui_form *fm = &ui->form;
	struct ui_field *f = &fm->f[i];
	char *m = ui_form_value_text(mine), *t = ui_form_value_text(f);
	bool i_changed = !util_streq(m, fm->base[i]);
	bool they_changed = !util_streq(t, fm->base[i]);

	free(fm->theirs[i]);
	fm->theirs[i] = NULL;
	f->hidden = f->extra && !ui->form_long;
	if (i_changed) {	/* keep the typed value */
		ui_field_free(f);
		*f = *mine;
		memset(mine, 0, sizeof *mine);
		if (they_changed && !util_streq(t, m))
			fm->theirs[i] = xstrdup(t);
	} else if (they_changed) {
		fm->theirs[i] = xstrdup(t);
	}
	if (they_changed) {
		f->hidden = false;	/* the designer should see it */
		snprintf(names + strlen(names), len - strlen(names), "%s%s",
			 names[0] ? ", " : "", f->label);
	}
	free(fm->base[i]);
	fm->base[i] = t;
	free(m);
}

void ui_form_rebase_end(struct ui *ui, struct ui_form_stash *st)
{
	struct ui_form *fm = &ui->form;
	char names[300] = "";

	for (int i = 0; i < fm->n && i < st->n; i++)
		ui_form_merge_field(ui, &st->f[i], i, names, sizeof names);
	for (int i = 0; i < st->n; i++)
		ui_field_free(&st->f[i]);
	if (fm->cur >= fm->n)
		fm->cur = 0;
	ui_form_focus(ui, fm->cur);
	snprintf(fm->note, sizeof fm->note, names[0] ?
		 "Changed underneath by another mot: %s. Enter saves yours "
		 "over it, Esc discards yours." :
		 "Changed underneath by another mot%s (not in these fields). "
		 "Enter saves yours over it, Esc discards yours.", names);
}

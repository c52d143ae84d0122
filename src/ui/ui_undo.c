/*
 * ui_undo.c - the session's undo and redo stacks of change records
 * (src/ui/ui_change.c).  Every change of the session is kept: a designer's
 * session makes hundreds of edits, not millions, and each record is small.
 * No curses here.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void ui_undo_init(struct ui_undo *u)
{
	memset(u, 0, sizeof *u);
}

static void ui_undo_clear(struct ui_change **list, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		ui_change_free(list[i]);
	*n = 0;
}

void ui_undo_free(struct ui_undo *u)
{
	ui_undo_clear(u->done, &u->n_done);
	ui_undo_clear(u->undone, &u->n_undone);
	ui_change_free(u->dropped);
	free(u->done);
	free(u->undone);
	ui_undo_init(u);
}

static void ui_undo_push(struct ui_change ***list, size_t *n, size_t *cap,
			 struct ui_change *c)
{
	util_reserve((void **)list, cap, *n + 1, sizeof **list);
	(*list)[(*n)++] = c;
}

int ui_undo_try(struct ui_undo *u, struct store *s, struct ui_change *c,
		char *msg, size_t len)
{
	int rc = ui_change_apply(s, c, UI_AFTER, msg, len);

	if (rc != STORE_OK)
		return rc;
	/* A new change makes what was undone unreachable, as in any editor. */
	ui_undo_clear(u->undone, &u->n_undone);
	ui_undo_push(&u->done, &u->n_done, &u->cap_done, c);
	return rc;
}

int ui_undo_do(struct ui_undo *u, struct store *s, struct ui_change *c,
	       char *msg, size_t len)
{
	int rc = ui_undo_try(u, s, c, msg, len);

	if (rc != STORE_OK)
		ui_change_free(c);
	return rc;
}

/* Whether a failed change can never apply again: the data it starts from
 * is gone for good (changed, deleted or taken by someone else). */
static bool ui_undo_hopeless(int rc)
{
	return rc == STORE_CONFLICT || rc == STORE_NOT_FOUND ||
		rc == STORE_EXISTS || rc == STORE_INVALID;
}

/* Move the top of `from` to `to`, applying it towards side `side`. */
static int ui_undo_step(struct ui_undo *u, struct ui_change ***from,
			size_t *n_from, struct ui_change ***to, size_t *n_to,
			size_t *cap_to, struct store *s, int side,
			const char *verb, char *msg, size_t len,
			const struct ui_change **touched)
{
	struct ui_change *c;
	char why[512];
	int rc;

	ui_change_free(u->dropped);
	u->dropped = NULL;
	if (touched)
		*touched = NULL;
	if (*n_from == 0) {
		snprintf(msg, len, "Nothing to %s", verb);
		return STORE_NOT_FOUND;
	}
	c = (*from)[*n_from - 1];
	rc = ui_change_apply(s, c, side, why, sizeof why);
	if (rc == STORE_OK) {
		(*n_from)--;
		ui_undo_push(to, n_to, cap_to, c);
		if (touched)
			*touched = c;
		snprintf(msg, len, "%s: %s", side == UI_BEFORE ? "Undone" :
			 "Redone", c->what);
	} else if (ui_undo_hopeless(rc)) {
		/* Kept until the next call, so that *touched stays valid. */
		(*n_from)--;
		u->dropped = c;
		if (touched)
			*touched = c;
		snprintf(msg, len, "Cannot %s %s: %s; dropped from the %s list",
			 verb, c->what, why, verb);
	} else {
		snprintf(msg, len, "Cannot %s %s: %s", verb, c->what, why);
	}
	return rc;
}

int ui_undo_undo(struct ui_undo *u, struct store *s, char *msg, size_t len,
		 const struct ui_change **touched)
{
	return ui_undo_step(u, &u->done, &u->n_done, &u->undone, &u->n_undone,
			    &u->cap_undone, s, UI_BEFORE, "undo", msg, len,
			    touched);
}

int ui_undo_redo(struct ui_undo *u, struct store *s, char *msg, size_t len,
		 const struct ui_change **touched)
{
	return ui_undo_step(u, &u->undone, &u->n_undone, &u->done, &u->n_done,
			    &u->cap_done, s, UI_AFTER, "redo", msg, len,
			    touched);
}

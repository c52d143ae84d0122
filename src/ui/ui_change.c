/*
 * ui_change.c - every edit the designer makes, as a before and an after
 * record (after sc-im's undo.c), and the store calls that take the
 * database from one side to the other.
 *
 * Doing, undoing and redoing are the same operation in two directions.
 * Each reads the journey fresh and first checks that the store still holds
 * the starting side, field for field: when another mot changed the data
 * since, the change is refused as a conflict instead of overwriting it.
 * The writes then carry the row versions just read, so a change that lands
 * between the read and the write is caught by the store as well.  Each
 * change is one transaction (store_batch_begin/end).  No curses here.
 */
#include "ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yamlio.h"

struct ui_change *ui_change_new(enum ui_change_kind kind, const char *journey,
				const char *what_fmt, ...)
{
	struct ui_change *c = xcalloc(1, sizeof *c);
	struct strbuf b;
	va_list ap;
	char buf[512];

	c->kind = kind;
	c->journey = xstrdup(journey);
	for (int i = 0; i < 2; i++) {
		model_touchpoint_init(&c->tp[i].tp);
		model_persona_init(&c->pe[i].p);
	}
	va_start(ap, what_fmt);
	vsnprintf(buf, sizeof buf, what_fmt, ap);
	va_end(ap);
	strbuf_init(&b);
	strbuf_puts(&b, buf);
	c->what = strbuf_detach(&b);
	return c;
}

void ui_tp_state_free(struct ui_tp_state *st)
{
	model_touchpoint_free(&st->tp);
	for (size_t i = 0; i < st->n_in; i++) {
		free(st->in[i].from);
		free(st->in[i].label);
	}
	free(st->in);
	memset(st, 0, sizeof *st);
	model_touchpoint_init(&st->tp);
}

void ui_change_free(struct ui_change *c)
{
	if (!c)
		return;
	for (int i = 0; i < 2; i++) {
		ui_tp_state_free(&c->tp[i]);
		free(c->tr[i].label);
		model_persona_free(&c->pe[i].p);
		free(c->meta[i].title);
		free(c->meta[i].description);
		free(c->jr[i].key);
		store_scenario_free(c->jr[i].scen, c->jr[i].n_scen);
		if (c->jr[i].snap) {
			model_journey_free(c->jr[i].snap);
			free(c->jr[i].snap);
		}
	}
	free(c->tr_from);
	free(c->tr_to);
	free(c->journey);
	free(c->what);
	free(c);
}

void ui_tp_state_from(struct ui_tp_state *st, const struct mot_journey *j,
		      size_t i)
{
	const struct mot_touchpoint *tp = &j->touchpoints[i];
	size_t cap = 0;

	ui_tp_state_free(st);
	st->exists = true;
	model_touchpoint_copy(&st->tp, tp);
	/* Touchpoints are sorted by stage: count the same-stage ones before. */
	for (size_t k = i; k > 0 && j->touchpoints[k - 1].stage == tp->stage; k--)
		st->position++;
	for (size_t e = 0; e < j->n_entries; e++)
		if (util_streq(j->entries[e].to, tp->key))
			st->entry = j->entries[e].weight;
	for (size_t k = 0; k < j->n_touchpoints; k++) {
		const struct mot_touchpoint *src = &j->touchpoints[k];

		if (k == i)
			continue;	/* its own loops are in its next[] */
		for (size_t t = 0; t < src->n_next; t++) {
			if (!util_streq(src->next[t].to, tp->key))
				continue;
			util_reserve((void **)&st->in, &cap, st->n_in + 1,
				     sizeof *st->in);
			st->in[st->n_in].from = xstrdup(src->key);
			st->in[st->n_in].weight = src->next[t].weight;
			st->in[st->n_in].label = xstrdup(src->next[t].label);
			st->n_in++;
		}
	}
}

/* --- comparing what is stored with what a change starts from --------- */

static bool ui_tp_fields_same(const struct mot_touchpoint *a,
			      const struct mot_touchpoint *b)
{
	return util_streq(a->key, b->key) && util_streq(a->name, b->name) &&
		a->stage == b->stage && a->phase == b->phase &&
		util_streq(a->channel, b->channel) &&
		util_streq(a->owner, b->owner) &&
		a->controlled == b->controlled && a->emotion == b->emotion &&
		a->critical == b->critical && a->human == b->human &&
		a->dwell == b->dwell && a->conversion == b->conversion &&
		a->drop == b->drop && util_streq(a->notes, b->notes) &&
		model_lanes_equal(a, b);
}

bool ui_tp_state_same(const struct ui_tp_state *a, const struct ui_tp_state *b)
{
	return a->exists == b->exists && ui_tp_fields_same(&a->tp, &b->tp) &&
		a->position == b->position && a->entry == b->entry;
}

static bool ui_pe_same(const struct mot_persona *a, const struct mot_persona *b)
{
	return util_streq(a->key, b->key) && util_streq(a->name, b->name) &&
		util_streq(a->description, b->description) &&
		a->share == b->share && a->patience == b->patience &&
		a->explore_bias == b->explore_bias &&
		a->emotion_sensitivity == b->emotion_sensitivity;
}

/* The canonical file of a journey: two journeys with the same text hold
 * the same data (timestamps and row versions aside). */
static char *ui_journey_text(const struct mot_journey *j)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (yamlio_write(f, j) != 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static bool ui_journey_same(const struct mot_journey *a,
			    const struct mot_journey *b)
{
	char *x = ui_journey_text(a), *y = ui_journey_text(b);
	bool same = x && y && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

static int ui_changed(char *msg, size_t len, const char *what)
{
	snprintf(msg, len, "%s was changed by another mot since", what);
	return STORE_CONFLICT;
}

static int ui_store_fail(struct store *s, int rc, char *msg, size_t len)
{
	snprintf(msg, len, "%s", store_errmsg(s));
	return rc;
}

/* --- touchpoints ----------------------------------------------------- */

static int ui_tp_restore(struct store *s, const char *journey,
			 const struct ui_tp_state *b)
{
	struct store_link *links = xcalloc(b->n_in + 1, sizeof *links);
	struct mot_touchpoint t;
	int rc;

	for (size_t i = 0; i < b->n_in; i++)
		links[i] = (struct store_link){ b->in[i].from, b->in[i].weight,
						b->in[i].label };
	model_touchpoint_copy(&t, &b->tp);
	rc = store_touchpoint_restore(s, journey, &t, b->position, links,
				      b->n_in, b->entry);
	model_touchpoint_free(&t);
	free(links);
	return rc;
}

/* Both sides exist: fields, then place, then entry, in one transaction. */
static int ui_tp_edit(struct store *s, const char *journey,
		      const struct ui_tp_state *cur, const struct ui_tp_state *a,
		      const struct ui_tp_state *b)
{
	int64_t ver = cur->tp.version;
	int rc = store_batch_begin(s);

	if (rc == STORE_OK && !ui_tp_fields_same(&a->tp, &b->tp)) {
		struct mot_touchpoint t = b->tp;	/* next[] is ignored */

		t.version = ver;
		rc = store_touchpoint_update(s, journey, a->tp.key, &t);
		ver = t.version;
	}
	if (rc == STORE_OK && (a->tp.stage != b->tp.stage ||
			       a->position != b->position))
		rc = store_touchpoint_move(s, journey, b->tp.key, b->tp.stage,
					   b->position, &ver);
	if (rc == STORE_OK && a->entry != b->entry)
		rc = store_entry_set(s, journey, b->tp.key, b->entry);
	return store_batch_end(s, rc);
}

/* Does the stored touchpoint still match side a?  Its place counts only
 * when the change moves it (others may add cards around it). */
static bool ui_tp_matches(const struct ui_tp_state *cur,
			  const struct ui_tp_state *a,
			  const struct ui_tp_state *b)
{
	bool moves = b->exists && (a->tp.stage != b->tp.stage ||
				   a->position != b->position);

	return ui_tp_fields_same(&cur->tp, &a->tp) && cur->entry == a->entry &&
		(!moves || cur->position == a->position);
}

static int ui_apply_tp(struct store *s, struct ui_change *c, int from,
		       int to, char *msg, size_t len)
{
	struct ui_tp_state *a = &c->tp[from], *b = &c->tp[to], cur;
	const char *key = a->exists ? a->tp.key : b->tp.key;
	struct mot_journey j;
	long i;
	int rc = store_journey_load(s, c->journey, &j);

	if (rc != STORE_OK)
		return ui_store_fail(s, rc, msg, len);
	memset(&cur, 0, sizeof cur);
	model_touchpoint_init(&cur.tp);
	i = model_touchpoint_find(&j, key);
	if (a->exists && i < 0) {
		snprintf(msg, len, "touchpoint '%s' was deleted by another mot",
			 key);
		rc = STORE_NOT_FOUND;
	} else if (a->exists) {
		ui_tp_state_from(&cur, &j, (size_t)i);
		if (!ui_tp_matches(&cur, a, b))
			rc = ui_changed(msg, len, "the touchpoint");
	} else if (model_touchpoint_find(&j, b->tp.key) >= 0) {
		snprintf(msg, len, "a touchpoint '%s' exists already",
			 b->tp.key);
		rc = STORE_EXISTS;
	}
	if (rc == STORE_OK) {
		if (a->exists && !b->exists)
			rc = store_touchpoint_delete(s, c->journey, key,
						     cur.tp.version);
		else if (!a->exists)
			rc = ui_tp_restore(s, c->journey, b);
		else
			rc = ui_tp_edit(s, c->journey, &cur, a, b);
		if (rc != STORE_OK)
			ui_store_fail(s, rc, msg, len);
	}
	/* What was deleted is what the store held, transitions others added
	 * included: keep that to put back. */
	if (rc == STORE_OK && a->exists && !b->exists) {
		ui_tp_state_free(a);
		*a = cur;
	} else {
		ui_tp_state_free(&cur);
	}
	model_journey_free(&j);
	return rc;
}

/* --- transitions ----------------------------------------------------- */

static const struct mot_transition *ui_find_tr(const struct mot_touchpoint *tp,
					       const char *to)
{
	for (size_t k = 0; k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, to))
			return &tp->next[k];
	return NULL;
}

static int ui_apply_tr(struct store *s, struct ui_change *c, int from,
		       int to, char *msg, size_t len)
{
	const struct ui_tr_state *a = &c->tr[from], *b = &c->tr[to];
	const struct mot_transition *t = NULL;
	struct mot_journey j;
	int64_t ver = 0;
	long i;
	int rc = store_journey_load(s, c->journey, &j);

	if (rc != STORE_OK)
		return ui_store_fail(s, rc, msg, len);
	i = model_touchpoint_find(&j, c->tr_from);
	if (i < 0) {
		snprintf(msg, len, "touchpoint '%s' was deleted by another mot",
			 c->tr_from);
		model_journey_free(&j);
		return STORE_NOT_FOUND;
	}
	t = ui_find_tr(&j.touchpoints[i], c->tr_to);
	if (a->exists != (t != NULL) ||
	    (t && (t->weight != a->weight || !util_streq(t->label, a->label))))
		rc = ui_changed(msg, len, "the transition");
	if (t)
		ver = t->version;
	if (rc == STORE_OK && !b->exists)
		rc = store_transition_delete(s, c->journey, c->tr_from,
					     c->tr_to, ver);
	else if (rc == STORE_OK)
		rc = store_transition_set(s, c->journey, c->tr_from, c->tr_to,
					  b->weight, b->label, &ver);
	if (rc != STORE_OK && rc != STORE_CONFLICT)
		ui_store_fail(s, rc, msg, len);
	model_journey_free(&j);
	return rc;
}

/* --- personas -------------------------------------------------------- */

static int ui_apply_pe(struct store *s, struct ui_change *c, int from,
		       int to, char *msg, size_t len)
{
	const struct ui_pe_state *a = &c->pe[from], *b = &c->pe[to];
	const char *key = a->exists ? a->p.key : b->p.key;
	struct mot_persona p;
	struct mot_journey j;
	long i;
	int rc = store_journey_load(s, c->journey, &j);

	if (rc != STORE_OK)
		return ui_store_fail(s, rc, msg, len);
	i = model_persona_find(&j, key);
	if (a->exists && i < 0) {
		snprintf(msg, len, "persona '%s' was deleted by another mot",
			 key);
		rc = STORE_NOT_FOUND;
	} else if (a->exists && !ui_pe_same(&j.personas[i], &a->p)) {
		rc = ui_changed(msg, len, "the persona");
	} else if (!a->exists && model_persona_find(&j, b->p.key) >= 0) {
		snprintf(msg, len, "a persona '%s' exists already", b->p.key);
		rc = STORE_EXISTS;
	}
	if (rc == STORE_OK) {
		p = b->p;	/* the store only reads the strings */
		if (a->exists && !b->exists)
			rc = store_persona_delete(s, c->journey, key,
						  j.personas[i].version);
		else if (!a->exists)
			rc = store_persona_add(s, c->journey, &p);
		else {
			p.version = j.personas[i].version;
			rc = store_persona_update(s, c->journey, key, &p);
		}
		if (rc != STORE_OK)
			ui_store_fail(s, rc, msg, len);
	}
	model_journey_free(&j);
	return rc;
}

/* --- journey title and description ----------------------------------- */

static int ui_apply_meta(struct store *s, struct ui_change *c, int from,
			 int to, char *msg, size_t len)
{
	const struct ui_meta_state *a = &c->meta[from], *b = &c->meta[to];
	struct mot_journey j;
	int rc = store_journey_load(s, c->journey, &j);

	if (rc != STORE_OK)
		return ui_store_fail(s, rc, msg, len);
	if (!util_streq(j.title, a->title) ||
	    !util_streq(j.description, a->description))
		rc = ui_changed(msg, len, "the journey's title or description");
	else if ((rc = store_journey_set_meta(s, c->journey, b->title,
					      b->description, j.version)) !=
		 STORE_OK)
		ui_store_fail(s, rc, msg, len);
	model_journey_free(&j);
	return rc;
}

/* --- whole journeys -------------------------------------------------- */

/* Delete journey a->key, which must still hold a->snap. */
/* Check that the store still holds side a; delete it unless it is about
 * to be replaced in place (`keep`), which keeps its scenarios. */
static int ui_journey_remove(struct store *s, struct ui_jr_state *a,
			     bool keep, char *msg, size_t len)
{
	struct mot_journey cur;
	int rc = store_journey_load(s, a->key, &cur);

	if (rc != STORE_OK)
		return ui_store_fail(s, rc, msg, len);
	if (a->snap && !ui_journey_same(&cur, a->snap)) {
		rc = ui_changed(msg, len, "the journey");
	} else if (!keep) {
		/* The scenarios go with the journey: keep them for undo. */
		store_scenario_free(a->scen, a->n_scen);
		a->scen = NULL;
		a->n_scen = 0;
		rc = store_scenario_list(s, a->key, &a->scen, &a->n_scen);
		if (rc == STORE_OK)
			rc = store_journey_delete(s, a->key);
		if (rc != STORE_OK)
			ui_store_fail(s, rc, msg, len);
	}
	model_journey_free(&cur);
	return rc;
}

static int ui_apply_jr(struct store *s, struct ui_change *c, int from,
		       int to, char *msg, size_t len)
{
	struct ui_jr_state *a = &c->jr[from], *b = &c->jr[to];
	/* Import over the same key, or its undo: replace in place. */
	bool same = a->key && b->key && b->snap && strcmp(a->key, b->key) == 0;
	int rc;

	if (a->key && b->key && !a->snap && !b->snap) {
		rc = store_journey_rename(s, a->key, b->key);
		return rc == STORE_OK ? rc : ui_store_fail(s, rc, msg, len);
	}
	rc = store_batch_begin(s);
	if (rc == STORE_OK && a->key)
		rc = ui_journey_remove(s, a, same, msg, len);
	if (rc == STORE_OK && b->key && b->snap) {
		rc = store_journey_import(s, b->snap, 1, same, NULL);
		for (size_t i = 0; rc == STORE_OK && i < b->n_scen; i++)
			rc = store_scenario_save(s, b->key, &b->scen[i], true);
		if (rc != STORE_OK)
			ui_store_fail(s, rc, msg, len);
	}
	return store_batch_end(s, rc);
}

int ui_change_apply(struct store *s, struct ui_change *c, int to_side,
		    char *msg, size_t len)
{
	int from = !to_side, rc = STORE_INVALID;

	msg[0] = '\0';
	switch (c->kind) {
	case UI_CHANGE_TOUCHPOINT:
		rc = ui_apply_tp(s, c, from, to_side, msg, len);
		break;
	case UI_CHANGE_TRANSITION:
		rc = ui_apply_tr(s, c, from, to_side, msg, len);
		break;
	case UI_CHANGE_PERSONA:
		rc = ui_apply_pe(s, c, from, to_side, msg, len);
		break;
	case UI_CHANGE_META:
		rc = ui_apply_meta(s, c, from, to_side, msg, len);
		break;
	case UI_CHANGE_JOURNEY:
		rc = ui_apply_jr(s, c, from, to_side, msg, len);
		break;
	}
	if (rc == STORE_OK)
		snprintf(msg, len, "%s", c->what);
	return rc;
}

const char *ui_change_journey_key(const struct ui_change *c, int to_side,
				  const char *open)
{
	if (c->kind != UI_CHANGE_JOURNEY || !open ||
	    !util_streq(c->jr[!to_side].key, open))
		return open;
	return c->jr[to_side].key;
}

/*
 * ui_touchpoint.c - the touchpoint editor: every field of a touchpoint,
 * its entry weight included, in one form (ui_form.c).  Saving is one
 * change record, so one undo takes back the whole edit.
 *
 * The short form holds what a designer sets on most cards (name, phase,
 * channel, emotion, drop, the marks, entry weight); key, stage, owner,
 * dwell, notes and the lanes are the long form's (Ctrl-F), except that a
 * card which has an owner, a dwell, notes or something in a lane shows
 * them: they were asked for.  A lane is a field of several lines: a list
 * or the KPIs one a line, thinking and backstage as text (ui_lines.c).
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const ui_stage_choices[MOT_STAGE_COUNT] = {
	"<ZMOT  awareness", "ZMOT  research", "FMOT  first contact",
	"SMOT  purchase and use", "TMOT  sharing",
};

static const char *const ui_phase_choices[MOT_PHASE_COUNT] = {
	"none", "exposure", "exploration", "evaluation", "experience",
};

enum {
	F_NAME, F_KEY, F_STAGE, F_PHASE, F_CHANNEL, F_OWNER, F_EMOTION,
	F_DROP, F_DWELL, F_CRITICAL, F_HUMAN, F_CONTROLLED, F_CONVERSION,
	F_ENTRY, F_NOTES, F_LANES, F_COUNT = F_LANES + MOT_LANE_COUNT
};

static struct ui_field *ui_tp_text(struct ui *ui, const char *label,
				   const char *value)
{
	struct ui_field *f = ui_form_add(ui, label, UI_FIELD_TEXT);

	ui_field_set(f, value);
	return f;
}

/* A number field; empty means 0, every touchpoint number's default. */
static struct ui_field *ui_tp_number(struct ui *ui, const char *label,
				     enum ui_field_kind kind, double v,
				     double min, double max)
{
	struct ui_field *f = ui_form_add(ui, label, kind);

	f->min = min;
	f->max = max;
	f->has_def = true;
	f->def = 0;
	ui_field_set_number(f, v);
	return f;
}

static void ui_tp_choice(struct ui *ui, const char *label,
			 enum ui_field_kind kind, const char *const *choices,
			 int n, int value)
{
	struct ui_field *f = ui_form_add(ui, label, kind);

	f->choices = choices;
	f->n_choices = n;
	f->choice = value;
}

/* The fields in the order of the enum above. */
static void ui_tp_fields(struct ui *ui, const struct mot_touchpoint *tp,
			 double entry)
{
	struct ui_field *f;

	ui_tp_text(ui, "Name", tp->name)->required = true;
	f = ui_form_add(ui, "Key", UI_FIELD_KEY);
	ui_field_set(f, tp->key);
	f->extra = true;
	ui_tp_choice(ui, "Stage", UI_FIELD_CHOICE, ui_stage_choices,
		     MOT_STAGE_COUNT, tp->stage);
	ui->form.f[F_STAGE].extra = true;
	ui_tp_choice(ui, "Phase", UI_FIELD_CHOICE, ui_phase_choices,
		     MOT_PHASE_COUNT, tp->phase);
	ui_tp_text(ui, "Channel", tp->channel);
	ui_tp_text(ui, "Owner", tp->owner)->extra = !tp->owner;
	ui_tp_number(ui, "Emotion", UI_FIELD_INT, tp->emotion, MOT_EMOTION_MIN,
		     MOT_EMOTION_MAX);
	ui_tp_number(ui, "Drop", UI_FIELD_NUMBER, tp->drop, 0, 1);
	ui_tp_number(ui, "Dwell (min)", UI_FIELD_NUMBER, tp->dwell, 0,
		     1e9)->extra = tp->dwell == 0;
	ui_tp_choice(ui, "Critical", UI_FIELD_BOOL, NULL, 0, tp->critical);
	ui_tp_choice(ui, "Human", UI_FIELD_BOOL, NULL, 0, tp->human);
	ui_tp_choice(ui, "Controlled", UI_FIELD_BOOL, NULL, 0, tp->controlled);
	ui_tp_choice(ui, "Conversion", UI_FIELD_BOOL, NULL, 0, tp->conversion);
	ui_tp_number(ui, "Entry weight", UI_FIELD_NUMBER, entry, 0, 1e12);
	ui_tp_text(ui, "Notes", tp->notes)->extra = !tp->notes;
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		char *text = ui_lanes_text(tp, l);

		f = ui_form_add(ui, ui_lanes_label(l), UI_FIELD_LINES);
		ui_field_set(f, text);
		f->extra = !text;
		f->tag = l;
		f->check_text = ui_lanes_field_check;
		f->tip = ui_lanes_tip(l);
		free(text);
	}
}

static void ui_tp_set(char **dst, char *value)
{
	free(*dst);
	*dst = value;
}

/* Read the form into tp and *entry. */
static void ui_tp_read(struct ui *ui, struct mot_touchpoint *tp,
		       double *entry)
{
	struct ui_field *f = ui->form.f;

	ui_tp_set(&tp->name, ui_field_text(&f[F_NAME]));
	ui_tp_set(&tp->key, ui_field_text(&f[F_KEY]));
	tp->stage = (enum mot_stage)f[F_STAGE].choice;
	tp->phase = (enum mot_phase)f[F_PHASE].choice;
	ui_tp_set(&tp->channel, ui_field_text(&f[F_CHANNEL]));
	ui_tp_set(&tp->owner, ui_field_text(&f[F_OWNER]));
	tp->emotion = (int)ui_field_number(&f[F_EMOTION]);
	tp->drop = ui_field_number(&f[F_DROP]);
	tp->dwell = ui_field_number(&f[F_DWELL]);
	tp->critical = f[F_CRITICAL].choice;
	tp->human = f[F_HUMAN].choice;
	tp->controlled = f[F_CONTROLLED].choice;
	tp->conversion = f[F_CONVERSION].choice;
	*entry = ui_field_number(&f[F_ENTRY]);
	ui_tp_set(&tp->notes, ui_field_text(&f[F_NOTES]));
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		char *raw = ui_field_raw(&f[F_LANES + l], 0), err[256];

		/* checked as typed and on Enter: it reads */
		ui_lanes_read(tp, l, raw, err, sizeof err);
		free(raw);
	}
}

/* A key that another touchpoint has is refused in the form, which stays
 * open, rather than by the store after the form closed. */
static bool ui_tp_key_free(struct ui *ui, const char *key, const char *own)
{
	if (util_streq(key, own) || ui_view_find(&ui->view, key) < 0)
		return true;
	ui_form_focus(ui, F_KEY);
	snprintf(ui->form.f[F_KEY].err, sizeof ui->form.f[F_KEY].err,
		 "Key: another touchpoint is '%s' already", key);
	return false;
}

/* "set emotion of 'Call' to +2" when only that changed: undo and redo
 * messages then say what they take back. */
static char *ui_tp_what(const struct ui_tp_state *b, const struct ui_tp_state *a)
{
	const struct mot_touchpoint *x = &b->tp, *y = &a->tp;
	const struct {
		bool changed;
		const char *name;
	} f[] = {
		{ !util_streq(x->name, y->name), "name" },
		{ !util_streq(x->key, y->key), "key" },
		{ x->stage != y->stage, "stage" },
		{ x->phase != y->phase, "phase" },
		{ !util_streq(x->channel, y->channel), "channel" },
		{ !util_streq(x->owner, y->owner), "owner" },
		{ x->emotion != y->emotion, "emotion" },
		{ x->drop != y->drop, "drop" },
		{ x->dwell != y->dwell, "dwell" },
		{ x->critical != y->critical, "critical mark" },
		{ x->human != y->human, "human mark" },
		{ x->controlled != y->controlled, "controlled mark" },
		{ x->conversion != y->conversion, "conversion mark" },
		{ b->entry != a->entry, "entry weight" },
		{ !util_streq(x->notes, y->notes), "notes" },
		{ !util_streq(x->thinking, y->thinking), "thinking" },
		{ !model_list_equal(&x->pains, &y->pains), "pains" },
		{ !model_list_equal(&x->opportunities, &y->opportunities),
		  "opportunities" },
		{ !util_streq(x->backstage, y->backstage), "backstage" },
		{ !model_list_equal(&x->evidence, &y->evidence), "evidence" },
		{ !model_kpis_equal(x, y), "KPIs" },
	};
	const char *which = NULL;
	int n = 0;

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i].changed) {
			n++;
			which = f[i].name;
		}
	if (n == 1 && x->emotion != y->emotion)
		return xasprintf("set emotion of '%s' to %s", y->name,
				 ui_layout_emotion(y->emotion));
	if (n == 1)
		return xasprintf("change the %s of '%s'", which, y->name);
	return xasprintf("edit '%s'", y->name);
}

static bool ui_tp_save_add(struct ui *ui);

/* The card was deleted underneath: the form becomes one that adds it
 * again where it was, with its transitions to cards still there. */
static void ui_tp_rebase_gone(struct ui *ui, struct ui_change *c)
{
	struct ui_tp_state *a = &c->tp[UI_AFTER];
	struct mot_touchpoint *tp = &a->tp;
	size_t k = 0, count = ui->view.stage_count[tp->stage];

	ui_tp_state_free(&c->tp[UI_BEFORE]);
	for (size_t t = 0; t < tp->n_next; t++) {
		if (ui_view_find(&ui->view, tp->next[t].to) >= 0 ||
		    util_streq(tp->next[t].to, tp->key))
			tp->next[k++] = tp->next[t];
		else {
			free(tp->next[t].to);
			free(tp->next[t].label);
		}
	}
	tp->n_next = k;
	a->n_in = 0;
	a->position = a->position < count ? a->position : count;
	ui->form.save = ui_tp_save_add;
	ui_form_note_gone(ui, "the card");
}

/* Refused as a conflict: the form stays open over the newer card. */
static void ui_tp_rebase(struct ui *ui, struct ui_change *c)
{
	struct ui_tp_state *b = &c->tp[UI_BEFORE];
	struct ui_form_stash st;
	long i = ui_view_find(&ui->view, b->tp.key);

	if (!b->exists)	/* an add refused: nothing to merge with */
		return;
	if (i < 0) {
		ui_tp_rebase_gone(ui, c);
		return;
	}
	ui_tp_state_from(b, &ui->view.j, (size_t)i);
	ui_form_rebase_begin(ui, &st);
	ui_tp_fields(ui, &b->tp, b->entry);
	ui_form_rebase_end(ui, &st);
}

/* True when saved and the form may close; refused, it stays open with
 * what was typed (a conflict: over the newer data). */
static bool ui_tp_commit(struct ui *ui, const char *key)
{
	char *k = xstrdup(key);
	int rc = ui_form_commit_or_rebase(ui, ui_tp_rebase);

	if (rc == STORE_OK)
		ui_map_select_key(ui, k);
	free(k);
	return rc == STORE_OK;
}

static bool ui_tp_save_edit(struct ui *ui)
{
	struct ui_change *c = ui->form.draft;
	struct ui_tp_state *b = &c->tp[UI_BEFORE], *a = &c->tp[UI_AFTER];

	ui_tp_state_free(a);
	a->exists = true;
	model_touchpoint_copy(&a->tp, &b->tp);
	a->position = b->position;
	ui_tp_read(ui, &a->tp, &a->entry);
	if (!a->tp.key)	/* emptied: keep the key it has */
		a->tp.key = xstrdup(b->tp.key);
	if (!ui_tp_key_free(ui, a->tp.key, b->tp.key))
		return false;
	if (a->tp.stage != b->tp.stage)	/* to the end of its new stage */
		a->position = ui->view.stage_count[a->tp.stage];
	if (ui_tp_state_same(a, b)) {
		ui_message(ui, "No change");
		return true;
	}
	free(c->what);
	c->what = ui_tp_what(b, a);
	return ui_tp_commit(ui, a->tp.key);
}

static bool ui_tp_save_add(struct ui *ui)
{
	struct ui_change *c = ui->form.draft;
	struct ui_tp_state *a = &c->tp[UI_AFTER];
	enum mot_stage asked = a->tp.stage;

	a->exists = true;
	ui_tp_read(ui, &a->tp, &a->entry);
	if (!a->tp.key)
		a->tp.key = ui_key_from_name(a->tp.name, &ui->view.j, false);
	if (!ui_tp_key_free(ui, a->tp.key, NULL))
		return false;
	if (a->tp.stage != asked)
		a->position = ui->view.stage_count[a->tp.stage];
	free(c->what);
	c->what = xasprintf("add '%s' to %s", a->tp.name,
			    model_stage_label(a->tp.stage));
	return ui_tp_commit(ui, a->tp.key);
}

void ui_touchpoint_edit(struct ui *ui, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	struct ui_change *c;
	char title[200];

	snprintf(title, sizeof title, "Edit touchpoint: %s", tp->name);
	ui_form_reset(ui, title);
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key, "edit '%s'", tp->name);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui->form.draft = c;
	ui_tp_fields(ui, &c->tp[UI_BEFORE].tp, c->tp[UI_BEFORE].entry);
	ui_form_open(ui, ui_tp_save_edit);
}

void ui_touchpoint_add(struct ui *ui, enum mot_stage stage, size_t position)
{
	struct ui_change *c;
	char title[200];

	snprintf(title, sizeof title, "New touchpoint in %s (%s)",
		 model_stage_label(stage), model_stage_title(stage));
	ui_form_reset(ui, title);
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key, "add a touchpoint");
	c->tp[UI_AFTER].tp.stage = stage;
	c->tp[UI_AFTER].position = position;
	ui->form.draft = c;
	ui_tp_fields(ui, &c->tp[UI_AFTER].tp, 0);
	ui_form_open(ui, ui_tp_save_add);
}

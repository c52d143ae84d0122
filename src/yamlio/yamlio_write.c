/*
 * yamlio_write.c - writing the canonical journey file.
 *
 * Emitted through libyaml's emitter, not libcyaml.  libcyaml 1.3 cannot
 * write this format: it prints doubles as "%.16e" (0.15 becomes
 * 1.4999999999999999e-01), it gives every value of a field one scalar style
 * (so a name "yes" or "3" is written bare and reads back as a boolean or a
 * number to any other YAML tool), and it does not set the emitter to
 * Unicode, so "Zürich" comes out as "Z\xFCrich".  With libyaml directly,
 * each scalar gets its own style, numbers are model_format_number()'s
 * shortest round-trip decimals, and libyaml still does the quoting and
 * escaping, which is the error-prone part.  One limit of libyaml 0.2.5:
 * it counts characters beyond U+FFFF (emoji) as unprintable and writes
 * them as "\U0001F600" escapes in double quotes; they still read back
 * exactly.  Latin, Dutch, German and CJK text is written as UTF-8.
 *
 * Canonical form: keys in the order of man/mot-journey.5; a field holding
 * its default is left out, except key, name, title, stage and `to`, which
 * are always written (and a KPI's value); booleans appear only when they differ from the
 * default (controlled: false, critical: true ...); empty optional text is
 * left out (it loads back as absent).  No line folding, two-space indent,
 * lists in libyaml's compact style ("- " level with their key).
 */
#include "yamlio.h"

#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "yamlio_int.h"

struct yamlio_out {
	yaml_emitter_t em;
	bool failed;
};

static int yamlio_out_write(void *ctx, unsigned char *buf, size_t size)
{
	return fwrite(buf, 1, size, (FILE *)ctx) == size;
}

/* yaml_emitter_emit() owns the event even when it fails. */
static void yamlio_emit(struct yamlio_out *o, yaml_event_t *ev, int made)
{
	if (!made || !yaml_emitter_emit(&o->em, ev))
		o->failed = true;
}

static void yamlio_scalar_out(struct yamlio_out *o, const char *s,
			      yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (o->failed)
		return;
	yamlio_emit(o, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
			(yaml_char_t *)s, (int)strlen(s), 1, 1, style));
}

static void yamlio_map_start(struct yamlio_out *o)
{
	yaml_event_t ev;

	if (!o->failed)
		yamlio_emit(o, &ev, yaml_mapping_start_event_initialize(&ev,
				NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

static void yamlio_map_end(struct yamlio_out *o)
{
	yaml_event_t ev;

	if (!o->failed)
		yamlio_emit(o, &ev, yaml_mapping_end_event_initialize(&ev));
}

/* `key:` followed by a block list; the caller emits the items. */
static void yamlio_seq_start(struct yamlio_out *o, const char *key)
{
	yaml_event_t ev;

	yamlio_scalar_out(o, key, YAML_PLAIN_SCALAR_STYLE);
	if (!o->failed)
		yamlio_emit(o, &ev, yaml_sequence_start_event_initialize(&ev,
				NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}

static void yamlio_seq_end(struct yamlio_out *o)
{
	yaml_event_t ev;

	if (!o->failed)
		yamlio_emit(o, &ev, yaml_sequence_end_event_initialize(&ev));
}

static bool yamlio_is_word(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

/* Only characters that YAML 1.1 numbers, times and dates are made of. */
static bool yamlio_number_chars(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || strchr("_.:+-", *s)))
			return false;
	return true;
}

static bool yamlio_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Would a YAML 1.1 or 1.2 reader take this plain scalar for something
 * other than text?  Null and boolean words, and what may be a number
 * (3, -0.5, .5, 0x1f, 1_000, .inf), a time (12:30) or a date (2024-01-02,
 * which may go on with a space and a time).  Text such as "24/7 hotline"
 * or "21, insured" cannot be any of those and stays plain; quoting a
 * little too often ("3D") is harmless.
 */
static bool yamlio_looks_typed(const char *s)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES",
		"n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
		"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "=",
		"<<",
	};
	const char *p = s + (*s == '-' || *s == '+');
	bool numberish = yamlio_digit(*p) || (*p == '.' && p[1] != '\0' &&
		(yamlio_digit(p[1]) || strchr("iInN", p[1])));
	bool date = yamlio_digit(s[0]) && yamlio_digit(s[1]) &&
		yamlio_digit(s[2]) && yamlio_digit(s[3]) && s[4] == '-';

	if (yamlio_is_word(s, words, sizeof words / sizeof words[0]))
		return true;
	return date || (numberish && yamlio_number_chars(s));
}

/*
 * Plain where that reads back as the same text; single quotes where plain
 * would read as a number, boolean or null; literal blocks for text with
 * line breaks.  libyaml checks each choice against the characters and
 * falls back to a quoted style when it cannot hold them (": ", " #",
 * leading spaces, tabs, control characters ...).
 */
static yaml_scalar_style_t yamlio_text_style(const char *s)
{
	if (!*s || yamlio_looks_typed(s))
		return YAML_SINGLE_QUOTED_SCALAR_STYLE;
	if (strchr(s, '\n'))
		return YAML_LITERAL_SCALAR_STYLE;
	return YAML_PLAIN_SCALAR_STYLE;
}

/* A text field; always written when `required`, else only when non-empty. */
static void yamlio_put_text(struct yamlio_out *o, const char *key,
			    const char *s, bool required)
{
	if (!s)
		s = "";
	if (!*s && !required)
		return;
	yamlio_scalar_out(o, key, YAML_PLAIN_SCALAR_STYLE);
	yamlio_scalar_out(o, s, yamlio_text_style(s));
}

static void yamlio_put_number(struct yamlio_out *o, const char *key, double v,
			      double def)
{
	char buf[40];

	if (v == def)
		return;
	yamlio_scalar_out(o, key, YAML_PLAIN_SCALAR_STYLE);
	yamlio_scalar_out(o, model_format_number(v, buf, sizeof buf),
			  YAML_PLAIN_SCALAR_STYLE);
}

static void yamlio_put_int(struct yamlio_out *o, const char *key, int v,
			   int def)
{
	char buf[16];

	if (v == def)
		return;
	snprintf(buf, sizeof buf, "%d", v);
	yamlio_scalar_out(o, key, YAML_PLAIN_SCALAR_STYLE);
	yamlio_scalar_out(o, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void yamlio_put_bool(struct yamlio_out *o, const char *key, bool v,
			    bool def)
{
	if (v == def)
		return;
	yamlio_scalar_out(o, key, YAML_PLAIN_SCALAR_STYLE);
	yamlio_scalar_out(o, v ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
}

static void yamlio_put_persona(struct yamlio_out *o, const struct mot_persona *p)
{
	yamlio_map_start(o);
	yamlio_put_text(o, "key", p->key, true);
	yamlio_put_text(o, "name", p->name, true);
	yamlio_put_text(o, "description", p->description, false);
	yamlio_put_number(o, "share", p->share, MOT_DEFAULT_SHARE);
	yamlio_put_int(o, "patience", p->patience, MOT_DEFAULT_PATIENCE);
	yamlio_put_number(o, "explore_bias", p->explore_bias,
			  MOT_DEFAULT_EXPLORE_BIAS);
	yamlio_put_number(o, "emotion_sensitivity", p->emotion_sensitivity,
			  MOT_DEFAULT_EMOTION_SENSITIVITY);
	yamlio_map_end(o);
}

static void yamlio_put_entry(struct yamlio_out *o, const struct mot_entry *e)
{
	yamlio_map_start(o);
	yamlio_put_text(o, "to", e->to, true);
	yamlio_put_number(o, "weight", e->weight, MOT_DEFAULT_WEIGHT);
	yamlio_map_end(o);
}

static void yamlio_put_transition(struct yamlio_out *o,
				  const struct mot_transition *t)
{
	yamlio_map_start(o);
	yamlio_put_text(o, "to", t->to, true);
	yamlio_put_number(o, "weight", t->weight, MOT_DEFAULT_WEIGHT);
	yamlio_put_text(o, "label", t->label, false);
	yamlio_map_end(o);
}

/* A list lane as a block list of text items; left out when empty. */
static void yamlio_put_list(struct yamlio_out *o, const char *key,
			    const struct mot_list *l)
{
	if (l->n == 0)
		return;
	yamlio_seq_start(o, key);
	for (size_t k = 0; k < l->n; k++) {
		const char *s = l->items[k] ? l->items[k] : "";
		yamlio_scalar_out(o, s, yamlio_text_style(s));
	}
	yamlio_seq_end(o);
}

static void yamlio_put_kpi(struct yamlio_out *o, const struct mot_kpi *k)
{
	char buf[40];

	yamlio_map_start(o);
	yamlio_put_text(o, "name", k->name, true);
	/* the value is required: written even when 0 */
	yamlio_scalar_out(o, "value", YAML_PLAIN_SCALAR_STYLE);
	yamlio_scalar_out(o, model_format_number(k->value, buf, sizeof buf),
			  YAML_PLAIN_SCALAR_STYLE);
	if (k->has_target) {
		yamlio_scalar_out(o, "target", YAML_PLAIN_SCALAR_STYLE);
		yamlio_scalar_out(o, model_format_number(k->target, buf,
							 sizeof buf),
				  YAML_PLAIN_SCALAR_STYLE);
	}
	yamlio_put_text(o, "unit", k->unit, false);
	if (k->lower_better)
		yamlio_put_text(o, "better", "lower", true);
	yamlio_map_end(o);
}

static void yamlio_put_lanes(struct yamlio_out *o,
			     const struct mot_touchpoint *tp)
{
	yamlio_put_text(o, "thinking", tp->thinking, false);
	yamlio_put_list(o, "pains", &tp->pains);
	yamlio_put_list(o, "opportunities", &tp->opportunities);
	yamlio_put_text(o, "backstage", tp->backstage, false);
	yamlio_put_list(o, "evidence", &tp->evidence);
	if (tp->n_kpis > 0) {
		yamlio_seq_start(o, "kpis");
		for (size_t k = 0; k < tp->n_kpis; k++)
			yamlio_put_kpi(o, &tp->kpis[k]);
		yamlio_seq_end(o);
	}
}

static void yamlio_put_touchpoint(struct yamlio_out *o,
				  const struct mot_touchpoint *tp)
{
	yamlio_map_start(o);
	yamlio_put_text(o, "key", tp->key, true);
	yamlio_put_text(o, "name", tp->name, true);
	yamlio_put_text(o, "stage", model_stage_key(tp->stage), true);
	yamlio_put_text(o, "phase", model_phase_key(tp->phase), false);
	yamlio_put_text(o, "channel", tp->channel, false);
	yamlio_put_text(o, "owner", tp->owner, false);
	yamlio_put_bool(o, "controlled", tp->controlled, true);
	yamlio_put_int(o, "emotion", tp->emotion, 0);
	yamlio_put_bool(o, "critical", tp->critical, false);
	yamlio_put_bool(o, "human", tp->human, false);
	yamlio_put_number(o, "dwell", tp->dwell, 0);
	yamlio_put_bool(o, "conversion", tp->conversion, false);
	yamlio_put_number(o, "drop", tp->drop, 0);
	yamlio_put_text(o, "notes", tp->notes, false);
	yamlio_put_lanes(o, tp);
	if (tp->n_next > 0) {
		yamlio_seq_start(o, "next");
		for (size_t k = 0; k < tp->n_next; k++)
			yamlio_put_transition(o, &tp->next[k]);
		yamlio_seq_end(o);
	}
	yamlio_map_end(o);
}

static void yamlio_put_journey(struct yamlio_out *o, const struct mot_journey *j)
{
	yamlio_map_start(o);
	yamlio_put_text(o, "key", j->key, true);
	yamlio_put_text(o, "title", j->title, true);
	yamlio_put_text(o, "description", j->description, false);
	if (j->n_personas > 0) {
		yamlio_seq_start(o, "personas");
		for (size_t i = 0; i < j->n_personas; i++)
			yamlio_put_persona(o, &j->personas[i]);
		yamlio_seq_end(o);
	}
	if (j->n_entries > 0) {
		yamlio_seq_start(o, "entries");
		for (size_t i = 0; i < j->n_entries; i++)
			yamlio_put_entry(o, &j->entries[i]);
		yamlio_seq_end(o);
	}
	if (j->n_touchpoints > 0) {
		yamlio_seq_start(o, "touchpoints");
		for (size_t i = 0; i < j->n_touchpoints; i++)
			yamlio_put_touchpoint(o, &j->touchpoints[i]);
		yamlio_seq_end(o);
	}
	yamlio_map_end(o);
}

static void yamlio_put_stream(struct yamlio_out *o, const struct mot_journey *j)
{
	yaml_event_t ev;

	yamlio_emit(o, &ev, yaml_stream_start_event_initialize(&ev,
			YAML_UTF8_ENCODING));
	if (!o->failed)
		yamlio_emit(o, &ev, yaml_document_start_event_initialize(&ev,
				NULL, NULL, NULL, 1));
	yamlio_put_journey(o, j);
	if (!o->failed)
		yamlio_emit(o, &ev, yaml_document_end_event_initialize(&ev, 1));
	if (!o->failed)
		yamlio_emit(o, &ev, yaml_stream_end_event_initialize(&ev));
}

int yamlio_write(FILE *out, const struct mot_journey *j)
{
	struct yamlio_out o;
	struct util_locale loc;

	memset(&o, 0, sizeof o);
	if (!yaml_emitter_initialize(&o.em))
		return -1;
	yaml_emitter_set_output(&o.em, yamlio_out_write, out);
	yaml_emitter_set_unicode(&o.em, 1);	/* UTF-8 as is, not \u escapes */
	yaml_emitter_set_width(&o.em, -1);	/* never fold long lines */
	yaml_emitter_set_indent(&o.em, 2);
	yaml_emitter_set_break(&o.em, YAML_LN_BREAK);
	util_locale_c_enter(&loc);
	yamlio_put_stream(&o, j);
	util_locale_c_leave(&loc);
	if (!o.failed && !yaml_emitter_flush(&o.em))
		o.failed = true;
	yaml_emitter_delete(&o.em);
	return o.failed || ferror(out) ? -1 : 0;
}

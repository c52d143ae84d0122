/*
 * ui_lanes_text.c - the lanes as the designer's screens handle them, with
 * no curses here so that it is unit-tested: a lane as the text of its form
 * field (thinking and backstage as they are, a list or the KPIs one a
 * line), that text read back with the model's own rules, what a lanes row
 * shows of a card, and the search through names, notes and every lane.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

const char *ui_lanes_label(enum mot_lane l)
{
	static const char *const labels[MOT_LANE_COUNT] = {
		"Thinking", "Pains", "Opportunities", "Backstage", "Evidence",
		"KPIs",
	};

	return (unsigned)l < MOT_LANE_COUNT ? labels[l] : "?";
}

bool ui_lanes_is_list(enum mot_lane l)
{
	return l == MOT_LANE_PAINS || l == MOT_LANE_OPPORTUNITIES ||
	       l == MOT_LANE_EVIDENCE || l == MOT_LANE_KPIS;
}

/* The lines of lane l of tp: n of them in *lines (malloc'ed strings). */
static size_t ui_lanes_lines(const struct mot_touchpoint *tp, enum mot_lane l,
			     char ***lines)
{
	const struct mot_list *list = model_lane_list_const(tp, l);
	size_t n = 0;

	*lines = NULL;
	if (list) {
		*lines = xcalloc(list->n + 1, sizeof **lines);
		for (; n < list->n; n++)
			(*lines)[n] = xstrdup(list->items[n]);
	} else if (l == MOT_LANE_KPIS) {
		*lines = xcalloc(tp->n_kpis + 1, sizeof **lines);
		for (; n < tp->n_kpis; n++)
			(*lines)[n] = model_kpi_format(&tp->kpis[n]);
	}
	return n;
}

char *ui_lanes_text(const struct mot_touchpoint *tp, enum mot_lane l)
{
	struct strbuf b;
	char **lines;
	size_t n;

	if (l == MOT_LANE_THINKING)
		return tp->thinking && *tp->thinking ? xstrdup(tp->thinking) :
			NULL;
	if (l == MOT_LANE_BACKSTAGE)
		return tp->backstage && *tp->backstage ?
			xstrdup(tp->backstage) : NULL;
	strbuf_init(&b);
	n = ui_lanes_lines(tp, l, &lines);
	for (size_t k = 0; k < n; k++) {
		strbuf_printf(&b, "%s%s", k ? "\n" : "", lines[k]);
		free(lines[k]);
	}
	free(lines);
	return n ? strbuf_detach(&b) : NULL;
}

/* One line of a list field as the item it stands for; false with why. */
static bool ui_lanes_item(const char *line, size_t no, enum mot_lane l,
			  struct mot_touchpoint *tp, char *err, size_t len)
{
	char why[160];

	if (l == MOT_LANE_KPIS) {
		struct mot_kpi k;

		if (model_kpi_parse(line, &k, why, sizeof why) != 0) {
			snprintf(err, len, "%s, line %zu: %s", ui_lanes_label(l),
				 no, why);
			return false;
		}
		if (!model_text_ok(k.name, MOT_ITEM_MAX, false, why,
					sizeof why) ||
		    (k.unit && !model_text_ok(k.unit, MOT_ITEM_MAX, false,
						   why, sizeof why))) {
			snprintf(err, len, "%s, line %zu: %s", ui_lanes_label(l),
				 no, why);
			model_kpi_free(&k);
			return false;
		}
		model_kpi_add(tp, &k);
		model_kpi_free(&k);
		return true;
	}
	if (!model_text_ok(line, MOT_ITEM_MAX, false, why, sizeof why)) {
		snprintf(err, len, "%s, line %zu: %s", ui_lanes_label(l), no, why);
		return false;
	}
	model_list_add(model_lane_list(tp, l), line);
	return true;
}

/* Empty the lane l of tp. */
static void ui_lanes_clear(struct mot_touchpoint *tp, enum mot_lane l)
{
	if (l == MOT_LANE_THINKING) {
		free(tp->thinking);
		tp->thinking = NULL;
	} else if (l == MOT_LANE_BACKSTAGE) {
		free(tp->backstage);
		tp->backstage = NULL;
	} else if (l == MOT_LANE_KPIS) {
		for (size_t k = 0; k < tp->n_kpis; k++)
			model_kpi_free(&tp->kpis[k]);
		free(tp->kpis);
		tp->kpis = NULL;
		tp->n_kpis = 0;
	} else {
		model_list_free(model_lane_list(tp, l));
	}
}

static bool ui_lanes_read_text(struct mot_touchpoint *tp, enum mot_lane l,
			       const char *text, char *err, size_t len)
{
	char why[160];

	if (!model_text_ok(text, MOT_TEXT_MAX, true, why, sizeof why)) {
		snprintf(err, len, "%s: %s", ui_lanes_label(l), why);
		return false;
	}
	ui_lanes_clear(tp, l);
	if (!util_str_empty(text)) {
		if (l == MOT_LANE_THINKING)
			tp->thinking = xstrdup(text);
		else
			tp->backstage = xstrdup(text);
	}
	return true;
}

bool ui_lanes_read(struct mot_touchpoint *tp, enum mot_lane l,
		   const char *text, char *err, size_t len)
{
	struct mot_touchpoint tmp;
	const char *p = text ? text : "";
	size_t no = 0, items = 0;
	bool ok = true;

	err[0] = '\0';
	if (!ui_lanes_is_list(l))
		return ui_lanes_read_text(tp, l, text, err, len);
	/* Read into a scratch touchpoint: a bad line changes nothing. */
	model_touchpoint_init(&tmp);
	while (ok && *p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		no++;
		if (!util_str_empty(line)) {	/* blank lines are no items */
			ok = ui_lanes_item(line, no, l, &tmp, err, len);
			items++;
		}
		free(line);
		p += n + (p[n] == '\n');
	}
	if (ok && items > (l == MOT_LANE_KPIS ? MOT_KPIS_MAX : MOT_LIST_MAX)) {
		snprintf(err, len, "%s: %zu lines, at most %d", ui_lanes_label(l),
			 items, l == MOT_LANE_KPIS ? MOT_KPIS_MAX : MOT_LIST_MAX);
		ok = false;
	}
	if (ok) {
		ui_lanes_clear(tp, l);
		if (l == MOT_LANE_KPIS) {
			tp->kpis = tmp.kpis;
			tp->n_kpis = tmp.n_kpis;
			tmp.kpis = NULL;
			tmp.n_kpis = 0;
		} else {
			*model_lane_list(tp, l) = *model_lane_list(&tmp, l);
			memset(model_lane_list(&tmp, l), 0, sizeof(struct mot_list));
		}
	}
	model_touchpoint_free(&tmp);
	return ok;
}

bool ui_lanes_field_check(const struct ui_field *f, const char *text,
			  char *err, size_t len)
{
	struct mot_touchpoint tmp;
	bool ok;

	model_touchpoint_init(&tmp);
	ok = ui_lanes_read(&tmp, (enum mot_lane)f->tag, text, err, len);
	model_touchpoint_free(&tmp);
	return ok;
}

const char *ui_lanes_tip(enum mot_lane l)
{
	switch (l) {
	case MOT_LANE_KPIS:
		return "a KPI a line: name | value | target | unit | lower "
			"(lower: lower is better); Enter: a new line";
	case MOT_LANE_THINKING:
		return "what the customer thinks and feels, in their words; "
			"Enter: a new line";
	case MOT_LANE_BACKSTAGE:
		return "the work behind it: teams, systems, partners; Enter: a "
			"new line";
	default:
		return "one a line; Enter: a new line, on an empty last line: "
			"the next field";
	}
}

/* --- what a lanes row shows of a card -------------------------------- */

char *ui_lanes_kpi_cell(const struct mot_kpi *k)
{
	char v[32], t[32];
	bool unit = k->unit && *k->unit;

	model_format_number(k->value, v, sizeof v);
	if (!k->has_target)
		return xasprintf("%s %s%s%s", k->name, v, unit ? " " : "",
				 unit ? k->unit : "");
	return xasprintf("%s %s%s%s (%s %s)", k->name, v, unit ? " " : "",
			 unit ? k->unit : "",
			 k->lower_better ? "max" : "target",
			 model_format_number(k->target, t, sizeof t));
}

size_t ui_lanes_cells(const struct mot_touchpoint *tp, enum mot_lane l,
		      char ***cells)
{
	const char *text = l == MOT_LANE_THINKING ? tp->thinking :
		l == MOT_LANE_BACKSTAGE ? tp->backstage : NULL;
	size_t n = 0;

	if (l == MOT_LANE_KPIS) {
		*cells = xcalloc(tp->n_kpis + 1, sizeof **cells);
		for (; n < tp->n_kpis; n++)
			(*cells)[n] = ui_lanes_kpi_cell(&tp->kpis[n]);
		return n;
	}
	if (ui_lanes_is_list(l))
		return ui_lanes_lines(tp, l, cells);
	/* Text lanes: a cell per line of the text, tabs as spaces. */
	*cells = NULL;
	for (const char *p = text ? text : ""; *p;) {
		size_t k = strcspn(p, "\n");

		*cells = xrealloc(*cells, (n + 2) * sizeof **cells);
		(*cells)[n] = xstrndup(p, k);
		for (char *c = (*cells)[n]; *c; c++)
			if (*c == '\t')
				*c = ' ';
		n++;
		p += k + (p[k] == '\n');
	}
	return n;
}

void ui_lanes_cells_free(char **cells, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(cells[k]);
	free(cells);
}

/* --- search ---------------------------------------------------------- */

bool ui_wcs_contains(const wchar_t *hay, const wchar_t *needle)
{
	for (; *hay; hay++) {
		size_t k = 0;

		while (needle[k] && hay[k] &&
		       towlower((wint_t)hay[k]) == towlower((wint_t)needle[k]))
			k++;
		if (!needle[k])
			return true;
	}
	return false;
}

static bool ui_lanes_holds(const char *s, const wchar_t *needle)
{
	wchar_t *w = ui_wcs_from_utf8(s, NULL);
	bool hit = ui_wcs_contains(w, needle);

	free(w);
	return hit;
}

int ui_lanes_match(const struct mot_touchpoint *tp, const wchar_t *needle)
{
	if (!needle || !*needle)
		return UI_MATCH_NONE;
	if (ui_lanes_holds(tp->name, needle))
		return UI_MATCH_NAME;
	if (tp->notes && ui_lanes_holds(tp->notes, needle))
		return UI_MATCH_NOTES;
	/* What the lanes view shows: a KPI as its name and numbers, not
	 * in the form's escaped line. */
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		char **cells;
		size_t n = ui_lanes_cells(tp, l, &cells);
		bool hit = false;

		for (size_t k = 0; k < n && !hit; k++)
			hit = ui_lanes_holds(cells[k], needle);
		ui_lanes_cells_free(cells, n);
		if (hit)
			return l;
	}
	return UI_MATCH_NONE;
}

/* --- a column of the lanes view ---------------------------------------- */

static void ui_lanes_push(struct ui_lane_col *c, char *text, long tp,
			  enum ui_lane_kind kind)
{
	struct ui_lane_line *ln;

	util_reserve((void **)&c->lines, &c->cap, c->n + 1, sizeof *c->lines);
	ln = &c->lines[c->n++];
	ln->text = text;
	ln->tp = tp;
	ln->kind = kind;
}

/* Append s to the column wrapped at blanks to `width` columns, the first
 * line after `bullet`, the others under the first's text. */
static void ui_lanes_wrap(struct ui_lane_col *c, const char *bullet,
			  const char *s, int width, long tp,
			  enum ui_lane_kind kind)
{
	int indent = util_utf8_width(bullet), room = width - indent;
	const char *lead = bullet;

	if (room < 1)
		room = 1;
	do {
		size_t n = util_utf8_prefix(s, room, NULL), cut = n;

		if (n == 0)	/* a character wider than the room */
			n = cut = strlen(s);
		if (s[n]) {	/* break at the last blank that fits */
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = n;
		}
		ui_lanes_push(c, xasprintf("%*s%.*s", lead == bullet ? 0 :
					   indent, lead == bullet ? bullet : "",
					   (int)cut, s), tp, kind);
		lead = NULL;
		s += cut;
		while (*s == ' ')
			s++;
	} while (*s);
}

void ui_lanes_column(const struct ui_view *v, enum mot_stage s,
		     enum mot_lane l, int width, struct ui_lane_col *c)
{
	memset(c, 0, sizeof *c);
	for (size_t r = 0; r < v->stage_count[s]; r++) {
		size_t i = v->stage_start[s] + r;
		const struct mot_touchpoint *tp = &v->j.touchpoints[i];
		char **cells;
		size_t n = ui_lanes_cells(tp, l, &cells);
		bool list = ui_lanes_is_list(l);

		if (n == 0) {
			ui_lanes_cells_free(cells, n);
			continue;	/* a card with nothing here takes no room */
		}
		ui_lanes_wrap(c, "", tp->name, width, (long)i, UI_LANE_NAME);
		for (size_t k = 0; k < n; k++) {
			/* "!" in front: a missed target reads without colour */
			bool missed = l == MOT_LANE_KPIS &&
				model_kpi_missed(&tp->kpis[k]);

			ui_lanes_wrap(c, missed ? "! " : list ? "- " : "  ",
				      cells[k], width, (long)i, missed ?
				      UI_LANE_MISSED : UI_LANE_ITEM);
		}
		ui_lanes_cells_free(cells, n);
	}
}

long ui_lanes_column_find(const struct ui_lane_col *c, long tp)
{
	for (size_t k = 0; k < c->n; k++)
		if (c->lines[k].tp == tp)
			return (long)k;
	return -1;
}

void ui_lanes_column_free(struct ui_lane_col *c)
{
	for (size_t k = 0; k < c->n; k++)
		free(c->lines[k].text);
	free(c->lines);
	memset(c, 0, sizeof *c);
}

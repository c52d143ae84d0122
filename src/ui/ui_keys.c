/*
 * ui_keys.c - the one table of key bindings (after calcurse's keys.c and
 * nnn's bindings[]).  The screens ask it which action a key is; the help
 * screen is printed from it; a unit test checks that mot(1) lists every
 * row.  So help, man page and behaviour cannot disagree.
 *
 * Rows are grouped by the contexts they apply in (a help section each) and
 * the rows of one action sit together, so that help prints "k, Up  move
 * up" on one line.  For a key bound in several matching rows the first
 * wins: screen-specific rows come before general ones.
 */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

#define MAPCTX UI_CTX_MAP
#define TRCTX UI_CTX_TRANSITIONS
#define PECTX UI_CTX_PERSONAS
#define JOCTX UI_CTX_JOURNEYS
#define RSCTX UI_CTX_RESULTS
#define WACTX UI_CTX_WALK
#define IMCTX UI_CTX_IMPACT
#define SCCTX UI_CTX_SCENARIOS
#define WOCTX UI_CTX_WOM
#define QUCTX UI_CTX_QUICK
#define COCTX UI_CTX_CONNECT
#define BACKCTX (UI_CTX_MAP | UI_CTX_TRANSITIONS | UI_CTX_PERSONAS | \
		 UI_CTX_HELP | WACTX | IMCTX | SCCTX | COCTX)

static const struct ui_binding ui_bindings[] = {
	/* moving around, help and back: every screen but forms */
	{ UI_CTX_LISTS, 'k', false, "k", UI_ACT_UP, "move up" },
	{ UI_CTX_LISTS, KEY_UP, true, "Up", UI_ACT_UP, NULL },
	{ UI_CTX_LISTS, 'j', false, "j", UI_ACT_DOWN, "move down" },
	{ UI_CTX_LISTS, KEY_DOWN, true, "Down", UI_ACT_DOWN, NULL },
	{ UI_CTX_LISTS, KEY_PPAGE, true, "PgUp", UI_ACT_PAGE_UP,
	  "a page up" },
	{ UI_CTX_LISTS, KEY_NPAGE, true, "PgDn", UI_ACT_PAGE_DOWN,
	  "a page down" },
	{ UI_CTX_LISTS, KEY_HOME, true, "Home", UI_ACT_HOME, "to the first" },
	{ UI_CTX_LISTS, 'g', false, "g", UI_ACT_HOME, NULL },
	{ UI_CTX_LISTS, KEY_END, true, "End", UI_ACT_END, "to the last" },
	{ UI_CTX_LISTS, 'G', false, "G", UI_ACT_END, NULL },
	{ UI_CTX_LISTS, CTRL('L'), false, "Ctrl-L", UI_ACT_REDRAW,
	  "draw the screen again" },
	{ UI_CTX_LISTS, '?', false, "?", UI_ACT_HELP,
	  "this help (again: back)" },
	{ UI_CTX_LISTS, 'q', false, "q", UI_ACT_BACK,
	  "back; quit on the journeys screen" },

	/* the journeys screen */
	{ JOCTX, '\n', false, "Enter", UI_ACT_OPEN, "open the journey map" },
	{ JOCTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ JOCTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ JOCTX, 'l', false, "l", UI_ACT_OPEN, NULL },
	{ JOCTX, KEY_RIGHT, true, "Right", UI_ACT_OPEN, NULL },
	{ JOCTX, 'a', false, "a", UI_ACT_ADD, "new journey" },
	{ JOCTX, 'r', false, "r", UI_ACT_RENAME, "rename (change the key)" },
	{ JOCTX, 'c', false, "c", UI_ACT_DUPLICATE, "duplicate" },
	{ JOCTX, 'd', false, "d", UI_ACT_DELETE, "delete (asks y/n)" },
	{ JOCTX, 'i', false, "i", UI_ACT_IMPORT, "import a YAML file" },
	{ JOCTX, 'x', false, "x", UI_ACT_EXPORT,
	  "export (pick a format and a file name)" },

	/* the journey map, also while drawing transitions */
	{ MAPCTX | COCTX, 'h', false, "h", UI_ACT_LEFT, "previous stage" },
	{ MAPCTX | COCTX, KEY_LEFT, true, "Left", UI_ACT_LEFT, NULL },
	{ MAPCTX | COCTX, 'l', false, "l", UI_ACT_RIGHT, "next stage" },
	{ MAPCTX | COCTX, KEY_RIGHT, true, "Right", UI_ACT_RIGHT, NULL },
	{ MAPCTX | COCTX, 'C', false, "C", UI_ACT_CHAIN,
	  "chain: each transition goes on from its target (A->B, B->C ...); "
	  "while connecting: chain on or off" },

	/* the journey map */
	{ MAPCTX, '0', false, "0", UI_ACT_FIRST_STAGE,
	  "the first stage, level with the card (as vim's 0)" },
	{ MAPCTX, '$', false, "$", UI_ACT_LAST_STAGE,
	  "the last stage, level with the card" },
	{ MAPCTX, '\n', false, "Enter", UI_ACT_OPEN, "edit the touchpoint" },
	{ MAPCTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ MAPCTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ MAPCTX, 'a', false, "a", UI_ACT_ADD,
	  "add a touchpoint to the current stage" },
	{ MAPCTX, 'i', false, "i", UI_ACT_QUICK_ADD,
	  "quick add: names one after another, with shorthand (Esc: done)" },
	{ MAPCTX, 'd', false, "d", UI_ACT_DELETE, "delete it (asks y/n)" },
	{ MAPCTX, 'H', false, "H", UI_ACT_STAGE_PREV,
	  "move the card to the previous stage" },
	{ MAPCTX, 'L', false, "L", UI_ACT_STAGE_NEXT,
	  "move the card to the next stage" },
	{ MAPCTX, 'J', false, "J", UI_ACT_MOVE_DOWN,
	  "move the card down in its stage" },
	{ MAPCTX, 'K', false, "K", UI_ACT_MOVE_UP,
	  "move the card up in its stage" },
	{ MAPCTX, 'c', false, "c", UI_ACT_CONNECT,
	  "connect: transitions from the card to the cards you go to "
	  "(Enter each)" },
	{ MAPCTX, 'E', false, "E", UI_ACT_ENTRY,
	  "make the card an entry (weight 1), or not (again)" },
	{ MAPCTX, 't', false, "t", UI_ACT_TRANSITIONS,
	  "its transitions in and out" },
	{ MAPCTX, 'T', false, "T", UI_ACT_PATHS,
	  "the card's paths two steps out, in place of the curve (again: "
	  "the curve)" },
	{ MAPCTX, 'p', false, "p", UI_ACT_PERSONAS, "personas" },
	{ MAPCTX | PECTX, 'e', false, "e", UI_ACT_META,
	  "edit the journey's title and description" },
	{ MAPCTX, '/', false, "/", UI_ACT_SEARCH,
	  "search touchpoints: names, notes and every lane" },
	{ MAPCTX, 'n', false, "n", UI_ACT_SEARCH_NEXT, "next match" },
	{ MAPCTX, 'b', false, "b", UI_ACT_LANES,
	  "lanes under the cards: pains, opportunities, backstage, KPIs, "
	  "thinking, evidence, then off" },
	{ MAPCTX, 'x', false, "x", UI_ACT_EXPORT,
	  "export the journey (pick a format and a file name)" },

	/* workshop mode: from the map */
	{ MAPCTX | RSCTX, 's', false, "s", UI_ACT_SIMULATE,
	  "simulate: customers, persona, seed, model; runs in the background" },
	{ MAPCTX, 'R', false, "R", UI_ACT_RESULTS, "the last results" },
	{ MAPCTX, 'O', false, "O", UI_ACT_OBSERVED,
	  "observed against designed: the newest event log on the cards, the "
	  "biggest gaps first (again: off)" },
	{ MAPCTX, 'F', false, "F", UI_ACT_OBS_FIT,
	  "what-if: the design (baseline) against its fit to the newest event "
	  "log (scenario)" },
	{ MAPCTX, 'v', false, "v", UI_ACT_OVERLAY,
	  "results on the cards (visits, drop-off heat): on or off" },
	{ MAPCTX, '+', false, "+", UI_ACT_EMO_UP,
	  "the card's emotion one point better" },
	{ MAPCTX, '=', false, "=", UI_ACT_EMO_UP, NULL },
	{ MAPCTX, '-', false, "-", UI_ACT_EMO_DOWN,
	  "the card's emotion one point worse" },
	{ MAPCTX | RSCTX, 'w', false, "w", UI_ACT_WALK,
	  "walkthrough: simulated customers card to card" },
	{ MAPCTX | RSCTX, 'm', false, "m", UI_ACT_IMPACT,
	  "Moment-of-Truth impact: touchpoints ranked" },
	{ MAPCTX | RSCTX, 'o', false, "o", UI_ACT_WOM,
	  "word of mouth over time: the adoption curve" },
	{ MAPCTX | RSCTX, 'S', false, "S", UI_ACT_SCENARIOS,
	  "saved scenarios" },
	{ MAPCTX | RSCTX, 'r', false, "r", UI_ACT_RERUN,
	  "run the last simulation again on the journey as it is now" },
	{ MAPCTX | RSCTX, 'B', false, "B", UI_ACT_RESTORE_BASE,
	  "the baseline's journey back in place of the what-if (u undoes)" },

	/* simulation results */
	{ RSCTX | WOCTX, 27, false, "Esc", UI_ACT_CANCEL,
	  "cancel the run; when none runs, back" },
	{ RSCTX, 'b', false, "b", UI_ACT_BASELINE,
	  "keep these results as the baseline (again: drop it)" },
	{ RSCTX, 'n', false, "n", UI_ACT_SAVE_SCENARIO,
	  "save as a named scenario, with its results" },
	{ RSCTX | SCCTX | WOCTX, 'x', false, "x", UI_ACT_EXPORT,
	  "export results and scenarios (CSV, JSON) or the heat map" },

	/* the walkthrough */
	{ WACTX, ' ', false, "Space", UI_ACT_STEP, "next step" },
	{ WACTX, 'l', false, "l", UI_ACT_STEP, NULL },
	{ WACTX, KEY_RIGHT, true, "Right", UI_ACT_STEP, NULL },
	{ WACTX, 'h', false, "h", UI_ACT_STEP_BACK, "previous step" },
	{ WACTX, KEY_LEFT, true, "Left", UI_ACT_STEP_BACK, NULL },
	{ WACTX, 'p', false, "p", UI_ACT_PLAY,
	  "play: a step every half second, customer after customer "
	  "(again: pause)" },
	{ WACTX, 'n', false, "n", UI_ACT_NEXT_CUSTOMER, "next customer" },
	{ WACTX, 'N', false, "N", UI_ACT_PREV_CUSTOMER, "previous customer" },

	/* Moment-of-Truth impact */
	{ IMCTX | SCCTX, '\n', false, "Enter", UI_ACT_OPEN,
	  "impact: jump to the card; scenarios: show it" },
	{ IMCTX | SCCTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ IMCTX | SCCTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ IMCTX, 'r', false, "r", UI_ACT_RANK,
	  "rank by removal effect or by emotion gain" },

	/* scenarios */
	{ SCCTX, 'd', false, "d", UI_ACT_DELETE, "delete it (asks y/n)" },

	/* word of mouth */
	{ WOCTX, 's', false, "s", UI_ACT_SIMULATE,
	  "market size, days, p and q; runs in the background" },

	/* transitions */
	{ TRCTX, '\n', false, "Enter", UI_ACT_OPEN,
	  "change its weight or label" },
	{ TRCTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ TRCTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ TRCTX, 'a', false, "a", UI_ACT_ADD,
	  "add one out: pick the target from a list filtered as you type" },
	{ TRCTX, 'A', false, "A", UI_ACT_ADD_IN,
	  "add one in: pick the card customers come from" },
	{ TRCTX, 'd', false, "d", UI_ACT_DELETE, "delete it (asks y/n)" },

	/* personas */
	{ PECTX, '\n', false, "Enter", UI_ACT_OPEN, "edit the persona" },
	{ PECTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ PECTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ PECTX, 'a', false, "a", UI_ACT_ADD, "add a persona" },
	{ PECTX, 'd', false, "d", UI_ACT_DELETE, "delete it (asks y/n)" },

	/* everywhere but forms and prompts */
	{ UI_CTX_EDITS, 'u', false, "u", UI_ACT_UNDO, "undo" },
	{ UI_CTX_EDITS, CTRL('R'), false, "Ctrl-R", UI_ACT_REDO, "redo" },
	{ BACKCTX, 27, false, "Esc", UI_ACT_BACK, "back" },

	/* fields of several lines: a touchpoint's lanes (before the forms'
	 * rows, so that these win there) */
	{ UI_CTX_LINES, '\r', false, "Enter", UI_ACT_NEWLINE,
	  "a new line: the next item; on an empty last line: the next field" },
	{ UI_CTX_LINES, KEY_ENTER, true, "Enter", UI_ACT_NEWLINE, NULL },
	{ UI_CTX_LINES, '\n', false, "Enter", UI_ACT_NEWLINE, NULL },
	{ UI_CTX_LINES, KEY_UP, true, "Up", UI_ACT_UP,
	  "the line above; on the first: the previous field" },
	{ UI_CTX_LINES, KEY_DOWN, true, "Down", UI_ACT_DOWN,
	  "the line below; on the last: the next field" },

	/* forms */
	{ UI_CTX_FORM, '\t', false, "Tab", UI_ACT_NEXT_FIELD, "next field" },
	{ UI_CTX_FORM, KEY_DOWN, true, "Down", UI_ACT_NEXT_FIELD, NULL },
	{ UI_CTX_FORM, KEY_BTAB, true, "Shift-Tab", UI_ACT_PREV_FIELD,
	  "previous field" },
	{ UI_CTX_FORM, KEY_UP, true, "Up", UI_ACT_PREV_FIELD, NULL },
	{ UI_CTX_FORM, ' ', false, "Space", UI_ACT_TOGGLE,
	  "switch a yes/no field, next choice (text: a space)" },
	{ UI_CTX_FORM, CTRL('F'), false, "Ctrl-F", UI_ACT_LONG_FORM,
	  "every field (the long form); again: the short form" },

	/* connecting cards on the map (c, C) */
	{ COCTX, '\n', false, "Enter", UI_ACT_OPEN,
	  "draw the transition to the selected card (digits typed first: "
	  "its weight)" },
	{ COCTX, '\r', false, "Enter", UI_ACT_OPEN, NULL },
	{ COCTX, KEY_ENTER, true, "Enter", UI_ACT_OPEN, NULL },
	{ COCTX, 'd', false, "d", UI_ACT_DELETE,
	  "delete the transition to the selected card (asks y/n)" },
	{ COCTX, 'c', false, "c", UI_ACT_CONNECT,
	  "go on from the selected card instead" },
	{ COCTX, ':', false, ":", UI_ACT_LABEL,
	  "draw the transition to the selected card with a label (asks)" },

	/* the quick-add line of the map */
	{ QUCTX, '\t', false, "Tab", UI_ACT_NEXT_FIELD,
	  "the next stage (new cards go to its end)" },
	{ QUCTX, KEY_BTAB, true, "Shift-Tab", UI_ACT_PREV_FIELD,
	  "the previous stage" },

	/* forms and one-line prompts */
	{ UI_CTX_TEXT, '\n', false, "Enter", UI_ACT_SAVE,
	  "save, confirm; quick add: add the card (on an empty line: done)" },
	{ UI_CTX_TEXT, '\r', false, "Enter", UI_ACT_SAVE, NULL },
	{ UI_CTX_TEXT, KEY_ENTER, true, "Enter", UI_ACT_SAVE, NULL },
	{ UI_CTX_TEXT, 27, false, "Esc", UI_ACT_CANCEL,
	  "cancel; quick add: done" },
	{ UI_CTX_TEXT, CTRL('G'), false, "Ctrl-G", UI_ACT_CANCEL, NULL },
	{ UI_CTX_TEXT, KEY_LEFT, true, "Left", UI_ACT_CHAR_LEFT,
	  "cursor left; previous choice" },
	{ UI_CTX_TEXT, KEY_RIGHT, true, "Right", UI_ACT_CHAR_RIGHT,
	  "cursor right; next choice" },
	{ UI_CTX_TEXT, KEY_HOME, true, "Home", UI_ACT_LINE_START,
	  "start of the text" },
	{ UI_CTX_TEXT, CTRL('A'), false, "Ctrl-A", UI_ACT_LINE_START, NULL },
	{ UI_CTX_TEXT, KEY_END, true, "End", UI_ACT_LINE_END,
	  "end of the text" },
	{ UI_CTX_TEXT, CTRL('E'), false, "Ctrl-E", UI_ACT_LINE_END, NULL },
	{ UI_CTX_TEXT, KEY_BACKSPACE, true, "Backspace", UI_ACT_BACKSPACE,
	  "delete before the cursor" },
	{ UI_CTX_TEXT, 127, false, "Backspace", UI_ACT_BACKSPACE, NULL },
	{ UI_CTX_TEXT, CTRL('H'), false, "Backspace", UI_ACT_BACKSPACE, NULL },
	{ UI_CTX_TEXT, KEY_DC, true, "Delete", UI_ACT_DELETE_CHAR,
	  "delete under the cursor" },
	{ UI_CTX_TEXT, CTRL('U'), false, "Ctrl-U", UI_ACT_KILL_LINE,
	  "clear the text" },
	{ UI_CTX_PROMPT, KEY_UP, true, "Up", UI_ACT_UP,
	  "lists: previous item" },
	{ UI_CTX_PROMPT, KEY_DOWN, true, "Down", UI_ACT_DOWN,
	  "lists: next item" },

	/* yes/no questions */
	{ UI_CTX_CONFIRM, 'y', false, "y", UI_ACT_YES, "yes" },
	{ UI_CTX_CONFIRM, 'Y', false, "Y", UI_ACT_YES, NULL },
	{ UI_CTX_CONFIRM, 'n', false, "n", UI_ACT_NO, "no" },
	{ UI_CTX_CONFIRM, 'N', false, "N", UI_ACT_NO, NULL },
	{ UI_CTX_CONFIRM, 27, false, "Esc", UI_ACT_NO, NULL },

	/* the mouse (the handlers of the screens do the work) */
	{ UI_CTX_MOUSE, UI_KEY_MOUSE_ROW, false, "click", UI_ACT_CLICK,
	  "select a card, a journey, a row" },
	{ UI_CTX_MOUSE, UI_KEY_MOUSE_ROW, false, "double-click",
	  UI_ACT_DOUBLE_CLICK, "edit the card; open the journey" },
	{ UI_CTX_MOUSE, UI_KEY_MOUSE_ROW, false, "wheel", UI_ACT_WHEEL,
	  "scroll" },
};

#define UI_NBINDINGS (sizeof ui_bindings / sizeof ui_bindings[0])

static const struct {
	unsigned ctx;
	const char *title;
} ui_sections[] = {
	{ UI_CTX_LISTS, "Every screen but forms" },
	{ JOCTX, "Journeys" },
	{ MAPCTX | COCTX, "Journey map, also while connecting" },
	{ MAPCTX, "Journey map" },
	{ COCTX, "Connecting cards (c, C on the map)" },
	{ MAPCTX | RSCTX, "Journey map and results (workshop)" },
	{ RSCTX, "Simulation results" },
	{ RSCTX | WOCTX, "Results and word of mouth" },
	{ RSCTX | SCCTX | WOCTX, "Results, scenarios, word of mouth" },
	{ WACTX, "Walkthrough" },
	{ IMCTX | SCCTX, "Impact and scenarios" },
	{ IMCTX, "Moment-of-Truth impact" },
	{ SCCTX, "Scenarios" },
	{ WOCTX, "Word of mouth" },
	{ MAPCTX | PECTX, "Journey map and personas" },
	{ TRCTX, "Transitions" },
	{ PECTX, "Personas" },
	{ UI_CTX_EDITS, "Every screen that edits" },
	{ BACKCTX, "Every screen but journeys and forms" },
	{ UI_CTX_LINES, "Fields of several lines (a touchpoint's lanes; in "
	  "other fields Enter saves, Up and Down go to the fields around)" },
	{ UI_CTX_FORM, "Forms" },
	{ QUCTX, "Quick add (i on the map)" },
	{ UI_CTX_TEXT, "Forms, prompts and quick add" },
	{ UI_CTX_PROMPT, "Prompts" },
	{ UI_CTX_CONFIRM, "Yes/no questions" },
	{ UI_CTX_MOUSE, "Mouse" },
};

const struct ui_binding *ui_keys_table(size_t *n)
{
	*n = UI_NBINDINGS;
	return ui_bindings;
}

enum ui_action ui_keys_lookup(unsigned ctx, bool is_code, int key)
{
	for (size_t i = 0; i < UI_NBINDINGS; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		if ((b->ctx & ctx) && b->is_code == is_code && b->key == key &&
		    b->key != UI_KEY_MOUSE_ROW)
			return b->action;
	}
	return UI_ACT_NONE;
}

const char *ui_keys_section(unsigned ctx)
{
	for (size_t i = 0; i < sizeof ui_sections / sizeof ui_sections[0]; i++)
		if (ui_sections[i].ctx == ctx)
			return ui_sections[i].title;
	return "Other";
}

/* Whether the list "a, b, c" holds label. */
static bool ui_keys_listed(const char *list, const char *label)
{
	size_t n = strlen(label);

	for (const char *p = list; *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == n && strncmp(p, label, n) == 0)
			return true;
		p += len + (end ? 2 : 0);
	}
	return false;
}

const char *ui_keys_label(unsigned ctx, enum ui_action a, char *buf,
			  size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < UI_NBINDINGS && used < len; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		/* Enter has three codes, Backspace three: each label once. */
		if (!(b->ctx & ctx) || b->action != a ||
		    ui_keys_listed(buf, b->label))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 used ? ", " : "", b->label);
	}
	return buf;
}

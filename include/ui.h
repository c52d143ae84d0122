/*
 * ui.h - the full-screen journey designer.
 *
 * This header has no curses in it: src/cli/cli.c, the bench and the unit tests
 * include it.  It holds the entry points and the parts of the UI that are
 * plain logic, testable without a terminal: the key table, change records
 * with undo and redo, the journey view (stage ranges, most likely path,
 * loops), screen layout maths and the text fields of the forms.  The
 * curses side is src/ui/ui_int.h and the files in src/ui/.
 */
#ifndef MOT_UI_H
#define MOT_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "model.h"
#include "store.h"

/* --- entry points ------------------------------------------------------- */

/*
 * Run the designer on the terminal of stdin/stdout until the user quits or
 * a signal (SIGINT, SIGTERM, SIGHUP) asks it to; the terminal is restored
 * on every way out.  `journey` (may be NULL) is opened at once.  Returns 0,
 * or -1 with a message in err (no terminal, unknown journey ...).
 */
int ui_run(struct store *s, const char *journey, char *err, size_t errlen);

/*
 * A session that draws to `out` (any file: a pty, /dev/null) with terminal
 * type `term`, at cols x rows, reading no input: the bench feeds keys with
 * ui_session_key().  Returns NULL with a message in err.
 */
struct ui;
struct ui *ui_session_open(struct store *s, const char *journey,
			   const char *term, FILE *out, int cols, int rows,
			   char *err, size_t errlen);
/* One key (a character, or a curses KEY_* code when is_code), then draw. */
void ui_session_key(struct ui *ui, bool is_code, int key);
void ui_session_close(struct ui *ui);

/* --- keys: the one table of bindings (src/ui/ui_keys.c) --------------------- */

enum ui_action {
	UI_ACT_NONE,
	UI_ACT_UP, UI_ACT_DOWN, UI_ACT_LEFT, UI_ACT_RIGHT,
	UI_ACT_PAGE_UP, UI_ACT_PAGE_DOWN, UI_ACT_HOME, UI_ACT_END,
	UI_ACT_FIRST_STAGE, UI_ACT_LAST_STAGE,  /* the map: 0 and $ */
	UI_ACT_OPEN,        /* Enter: open or edit */
	UI_ACT_ADD,
	UI_ACT_ADD_IN,      /* transitions: one into the touchpoint */
	UI_ACT_DELETE,
	UI_ACT_RENAME,
	UI_ACT_DUPLICATE,
	UI_ACT_IMPORT,
	UI_ACT_EXPORT,
	UI_ACT_STAGE_PREV, UI_ACT_STAGE_NEXT,   /* H L */
	UI_ACT_MOVE_DOWN, UI_ACT_MOVE_UP,       /* J K */
	UI_ACT_TRANSITIONS,
	UI_ACT_PERSONAS,
	UI_ACT_META,        /* journey title and description */
	UI_ACT_ENTRY,       /* the card an entry (weight 1) or not */
	UI_ACT_QUICK_ADD,   /* the map's quick-add line */
	UI_ACT_CONNECT,     /* draw transitions from the card with the cursor */
	UI_ACT_CHAIN,       /* ... each from the last one's target */
	UI_ACT_LABEL,       /* connecting: draw one with a label */
	UI_ACT_PATHS,       /* the card's paths two steps out, or the curve */
	UI_ACT_UNDO, UI_ACT_REDO,
	UI_ACT_SEARCH, UI_ACT_SEARCH_NEXT,
	UI_ACT_LANES,       /* the lanes view: the next lane, or off */
	UI_ACT_NEWLINE,     /* a lines field: a new line */
	UI_ACT_SIMULATE,
	/* workshop mode: simulation results, what-if, walkthrough */
	UI_ACT_RESULTS,     /* the last results */
	UI_ACT_OVERLAY,     /* results on the cards, on or off */
	UI_ACT_OBSERVED,    /* an event log against the design, on or off */
	UI_ACT_OBS_FIT,     /* what-if: the design against its fit to the log */
	UI_ACT_EMO_UP, UI_ACT_EMO_DOWN,         /* + - on a card's emotion */
	UI_ACT_WALK,        /* the walkthrough */
	UI_ACT_IMPACT,      /* Moment-of-Truth impact view */
	UI_ACT_WOM,         /* word of mouth over time */
	UI_ACT_SCENARIOS,   /* the saved scenarios */
	UI_ACT_BASELINE,    /* keep the results as the baseline */
	UI_ACT_RERUN,       /* run again on the journey as it is now */
	UI_ACT_RESTORE_BASE, /* the baseline's journey back, one change */
	UI_ACT_SAVE_SCENARIO,
	UI_ACT_RANK,        /* impact: rank by removal or by emotion gain */
	UI_ACT_STEP, UI_ACT_STEP_BACK,          /* walkthrough: one step */
	UI_ACT_PLAY,        /* walkthrough: timed steps, on or off */
	UI_ACT_NEXT_CUSTOMER, UI_ACT_PREV_CUSTOMER,
	UI_ACT_HELP,
	UI_ACT_BACK,        /* q: back; quit on the journeys screen */
	UI_ACT_REDRAW,
	/* forms and prompts */
	UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD,
	UI_ACT_SAVE, UI_ACT_CANCEL,
	UI_ACT_TOGGLE,      /* Space in a yes/no or choice field */
	UI_ACT_LONG_FORM,   /* every field, or the short form again */
	UI_ACT_CHAR_LEFT, UI_ACT_CHAR_RIGHT, UI_ACT_LINE_START, UI_ACT_LINE_END,
	UI_ACT_BACKSPACE, UI_ACT_DELETE_CHAR, UI_ACT_KILL_LINE,
	UI_ACT_YES, UI_ACT_NO,
	/* mouse (listed in help; the mouse handler does the work) */
	UI_ACT_CLICK, UI_ACT_DOUBLE_CLICK, UI_ACT_WHEEL,
	UI_ACT_COUNT
};

/* Where a binding applies; a binding may apply in several. */
enum ui_ctx {
	UI_CTX_JOURNEYS = 1u << 0,
	UI_CTX_MAP = 1u << 1,
	UI_CTX_TRANSITIONS = 1u << 2,
	UI_CTX_PERSONAS = 1u << 3,
	UI_CTX_HELP = 1u << 4,
	UI_CTX_FORM = 1u << 5,
	UI_CTX_PROMPT = 1u << 6,   /* a line to type, a list to pick from */
	UI_CTX_CONFIRM = 1u << 7,  /* a yes/no question */
	UI_CTX_MOUSE = 1u << 8,    /* the mouse rows (help only) */
	UI_CTX_RESULTS = 1u << 9,  /* simulation results, running or done */
	UI_CTX_WALK = 1u << 10,    /* the walkthrough */
	UI_CTX_IMPACT = 1u << 11,  /* Moment-of-Truth impact view */
	UI_CTX_SCENARIOS = 1u << 12, /* saved scenarios */
	UI_CTX_WOM = 1u << 13,     /* word of mouth over time */
	UI_CTX_QUICK = 1u << 14,   /* the map's quick-add line */
	UI_CTX_CONNECT = 1u << 15, /* drawing transitions on the map */
	UI_CTX_LINES = 1u << 16,   /* a form field of several lines */
};
#define UI_CTX_WORKSHOP (UI_CTX_RESULTS | UI_CTX_WALK | UI_CTX_IMPACT | \
			 UI_CTX_SCENARIOS | UI_CTX_WOM)
#define UI_CTX_LISTS (UI_CTX_JOURNEYS | UI_CTX_MAP | UI_CTX_TRANSITIONS | \
		      UI_CTX_PERSONAS | UI_CTX_HELP | UI_CTX_WORKSHOP | \
		      UI_CTX_CONNECT)
#define UI_CTX_EDITS (UI_CTX_JOURNEYS | UI_CTX_MAP | UI_CTX_TRANSITIONS | \
		      UI_CTX_PERSONAS | UI_CTX_CONNECT)
#define UI_CTX_TEXT (UI_CTX_FORM | UI_CTX_PROMPT | UI_CTX_QUICK)

/* Pseudo key codes for the mouse rows of the table (never typed). */
#define UI_KEY_MOUSE_ROW (-1)

struct ui_binding {
	unsigned ctx;          /* enum ui_ctx bits */
	int key;               /* a character, a curses KEY_* code, or UI_KEY_MOUSE_ROW */
	bool is_code;          /* key is a KEY_* code */
	const char *label;     /* as help and mot(1) show it: "k", "Up", "Ctrl-R" */
	enum ui_action action;
	const char *help;      /* what it does here; NULL: as the row before */
};

const struct ui_binding *ui_keys_table(size_t *n);
/* The action bound to a key in this context, or UI_ACT_NONE. */
enum ui_action ui_keys_lookup(unsigned ctx, bool is_code, int key);
/* Heading of a help section: the ctx mask of a group of rows. */
const char *ui_keys_section(unsigned ctx);
/* "k, Up" for the action in ctx (first rows only); buf >= 32 bytes. */
const char *ui_keys_label(unsigned ctx, enum ui_action a, char *buf,
			  size_t len);

/* --- change records, undo and redo (src/ui/ui_change.c, src/ui/ui_undo.c) ------ */

/* A transition into a touchpoint (kept to restore a deleted one). */
struct ui_link {
	char *from;
	double weight;
	char *label;
};

/* A touchpoint as a change leaves it; exists false: it is not there. */
struct ui_tp_state {
	bool exists;
	struct mot_touchpoint tp;   /* fields; next[] is restored with it */
	size_t position;            /* within its stage */
	double entry;               /* entry weight; 0: not an entry */
	struct ui_link *in;         /* transitions into it from others */
	size_t n_in;
};

struct ui_tr_state {
	bool exists;
	double weight;
	char *label;
};

struct ui_pe_state {
	bool exists;
	struct mot_persona p;
};

struct ui_meta_state {
	char *title;
	char *description;
};

/* A whole journey: key NULL is "no such journey"; snap NULL with a key is
 * "whatever is stored under it" (a rename). */
struct ui_jr_state {
	char *key;
	struct mot_journey *snap;
	/* Its saved scenarios, taken when a delete removes them with the
	 * journey, so that undo puts them back too. */
	struct store_scenario *scen;
	size_t n_scen;
};

enum ui_change_kind {
	UI_CHANGE_TOUCHPOINT,
	UI_CHANGE_TRANSITION,
	UI_CHANGE_PERSONA,
	UI_CHANGE_META,
	UI_CHANGE_JOURNEY,
};

enum { UI_BEFORE = 0, UI_AFTER = 1 };

/*
 * One user action as a before and an after record.  Doing it or redoing it
 * goes from [UI_BEFORE] to [UI_AFTER], undoing the other way; either way
 * the store must still hold the starting side, field for field, or the
 * change is refused as a conflict (someone else changed it since).
 */
struct ui_change {
	enum ui_change_kind kind;
	char *journey;            /* the journey it is in (not for JOURNEY) */
	char *what;               /* "add touchpoint 'Call centre'" */
	struct ui_tp_state tp[2];
	char *tr_from, *tr_to;
	struct ui_tr_state tr[2];
	struct ui_pe_state pe[2];
	struct ui_meta_state meta[2];
	struct ui_jr_state jr[2];
};

struct ui_change *ui_change_new(enum ui_change_kind kind, const char *journey,
				const char *what_fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_change_free(struct ui_change *c);
/* Fill a touchpoint state from touchpoint i of j: fields, transitions,
 * position in its stage, entry weight, transitions into it. */
void ui_tp_state_from(struct ui_tp_state *st, const struct mot_journey *j,
		      size_t i);
void ui_tp_state_free(struct ui_tp_state *st);
/* Same fields, place and entry weight: a change between them is none. */
bool ui_tp_state_same(const struct ui_tp_state *a, const struct ui_tp_state *b);
/*
 * Make the store go from side !to_side to side to_side of c, in one
 * transaction.  Returns a store status; a message for the user goes to
 * msg (also on success, e.g. "add touchpoint 'x'").  Deleting refreshes
 * the starting side with what the store held, so that undo puts back
 * exactly what was deleted.
 */
int ui_change_apply(struct store *s, struct ui_change *c, int to_side,
		    char *msg, size_t len);
/* The journey key the open journey has after c went to to_side, or NULL
 * when that side has no such journey (deleted); `open` is the key now. */
const char *ui_change_journey_key(const struct ui_change *c, int to_side,
				  const char *open);

struct ui_undo {
	struct ui_change **done, **undone;
	size_t n_done, n_undone, cap_done, cap_undone;
	struct ui_change *dropped;  /* the last change that could not apply */
};

void ui_undo_init(struct ui_undo *u);
void ui_undo_free(struct ui_undo *u);
/*
 * Do c and, when the store took it, keep it for undo (and forget what was
 * undone).  Takes c either way.  Returns the store status; msg says what
 * happened.
 */
int ui_undo_do(struct ui_undo *u, struct store *s, struct ui_change *c,
	       char *msg, size_t len);
/* Like ui_undo_do, but a refused c stays the caller's (a form keeps it
 * to save again over the newer data). */
int ui_undo_try(struct ui_undo *u, struct store *s, struct ui_change *c,
		char *msg, size_t len);
/*
 * Undo the last change (redo the last undone one).  A change the store
 * refuses because someone else changed the data since (conflict, gone,
 * exists) is dropped, with a message saying so: it can never apply again.
 * Other errors keep it.  *touched (if not NULL) is the change applied, or
 * NULL; it stays valid until the next call.  Returns a store status, or
 * STORE_NOT_FOUND when there is nothing to undo (redo).
 */
int ui_undo_undo(struct ui_undo *u, struct store *s, char *msg, size_t len,
		 const struct ui_change **touched);
int ui_undo_redo(struct ui_undo *u, struct store *s, char *msg, size_t len,
		 const struct ui_change **touched);

/* --- the journey as the screens see it (src/ui/ui_view.c) ------------------- */

struct ui_view {
	struct mot_journey j;
	size_t stage_start[MOT_STAGE_COUNT];
	size_t stage_count[MOT_STAGE_COUNT];
	size_t *path;           /* the most likely path (touchpoint indices) */
	size_t n_path;
	long *path_pos;         /* per touchpoint: its place in path, or -1 */
	unsigned *loops;        /* per touchpoint: messy-middle loops in and out */
	size_t *by_key;         /* touchpoint indices sorted by key */
	/* Transitions into touchpoint i: in[in_off[i] .. in_off[i + 1]),
	 * each as (source index, index in its next[]). */
	size_t *in_off;
	struct ui_in_link {
		size_t from, k;
	} *in;
};

void ui_view_init(struct ui_view *v);
void ui_view_free(struct ui_view *v);
/* Load a journey from the store and work out the rest; a store status. */
int ui_view_load(struct ui_view *v, struct store *s, const char *key);
/* Take j (owned from now on) and work out the rest. */
void ui_view_set(struct ui_view *v, struct mot_journey *j);
/* Touchpoint index by key in O(log n), or -1. */
long ui_view_find(const struct ui_view *v, const char *key);
/* Index of the touchpoint at row `row` of stage s, or -1. */
long ui_view_at(const struct ui_view *v, enum mot_stage s, size_t row);
/* Entry weight of touchpoint i (0 when it is not an entry). */
double ui_view_entry(const struct ui_view *v, size_t i);
/*
 * What kind of loop the transition from touchpoint `from` to `to` (-1:
 * unknown) is: UI_LOOP_MESSY runs between an exploration and an
 * evaluation touchpoint, either way (the loop of Google's messy middle);
 * UI_LOOP_BACK goes back in the journey otherwise (a review that brings
 * the next customer, say); UI_LOOP_NONE goes on.
 */
enum ui_loop { UI_LOOP_NONE, UI_LOOP_BACK, UI_LOOP_MESSY };
enum ui_loop ui_view_loop(const struct ui_view *v, size_t from, long to);
/* Next touchpoint after `after` (or from the start when -1) whose name,
 * notes or lanes contain `needle`, ignoring case, wrapping round; -1
 * when none. */
long ui_view_search(const struct ui_view *v, const char *needle, long after);

/* --- the lanes (src/ui/ui_lanes_text.c; the view is ui_lanes.c) ------------ */

/* "Pains", "KPIs": a lane as the form and the lanes view name it. */
const char *ui_lanes_label(enum mot_lane l);
/* Is lane l edited one item a line (the lists and the KPIs)? */
bool ui_lanes_is_list(enum mot_lane l);
/* Lane l of tp as the text of its form field: thinking and backstage as
 * they are, the items or the KPIs (model_kpi_format) one a line; NULL
 * when the lane is empty. */
char *ui_lanes_text(const struct mot_touchpoint *tp, enum mot_lane l);
/* Read the text of lane l's field into tp, by the model's rules; blank
 * lines are no items.  False, with tp unchanged and the reason in err
 * ("Pains, line 3: a line break ..."), when it does not read. */
bool ui_lanes_read(struct mot_touchpoint *tp, enum mot_lane l,
		   const char *text, char *err, size_t len);
/* What the lanes view shows of lane l of a card, a cell per line (an
 * item, a KPI, a line of text); *cells malloc'ed, the count returned. */
size_t ui_lanes_cells(const struct mot_touchpoint *tp, enum mot_lane l,
		      char ***cells);
void ui_lanes_cells_free(char **cells, size_t n);
/* A KPI in a lanes row: "CSAT 3.9 of 5 (target 4.5)", "Wait 12 min (max
 * 5)" when lower is better. */
char *ui_lanes_kpi_cell(const struct mot_kpi *k);
/* The check of a lane's form field (f->tag the lane): ui_lanes_read on a
 * scratch touchpoint. */
struct ui_field;
bool ui_lanes_field_check(const struct ui_field *f, const char *text,
			  char *err, size_t len);
/* The line under the form for lane l's field. */
const char *ui_lanes_tip(enum mot_lane l);
/* Where tp holds needle, ignoring case: a lane (enum mot_lane), or: */
#define UI_MATCH_NONE (-3)
#define UI_MATCH_NAME (-2)
#define UI_MATCH_NOTES (-1)
int ui_lanes_match(const struct mot_touchpoint *tp, const wchar_t *needle);
/*
 * A stage's column of the lanes view, lane l, `width` columns wide: for
 * each card of the stage with something in the lane, its name, then its
 * items ("- " in front, "! " for a KPI that misses its target, so that
 * the mark reads without colour) or lines of text, each wrapped at
 * blanks.  Cards with nothing in the lane take no room.
 */
enum ui_lane_kind { UI_LANE_NAME, UI_LANE_ITEM, UI_LANE_MISSED };
struct ui_lane_line {
	char *text;
	long tp;                  /* the card's index in the journey */
	enum ui_lane_kind kind;   /* UI_LANE_MISSED: a KPI off its target */
};
struct ui_lane_col {
	struct ui_lane_line *lines;
	size_t n, cap;
};
void ui_lanes_column(const struct ui_view *v, enum mot_stage s,
		     enum mot_lane l, int width, struct ui_lane_col *c);
/* The first line of card tp in the column, or -1. */
long ui_lanes_column_find(const struct ui_lane_col *c, long tp);
void ui_lanes_column_free(struct ui_lane_col *c);
/* Case-insensitive containment of wide strings. */
bool ui_wcs_contains(const wchar_t *hay, const wchar_t *needle);

/* --- the quick-add line's shorthand (src/ui/ui_shorthand.c) ---------------- */

/*
 * "Comparison portal @comparison-site -1 #xplr 10% > ~": a name, then
 * words read from the end of the line while they are shorthand:
 * @channel, an emotion +N or -N, #phase (a phase key, a unique start of
 * one, or a card tag: xplr, eval, expo, expr, none), N% drop, > or >N an
 * entry (weight N, default 1), and the marks ~ not controlled, ! critical,
 * H human, $ conversion (several in one word too).  The first word is
 * always the name's.
 */
struct ui_shorthand {
	char *name;
	char *channel;      /* NULL: not given */
	bool has_emotion;
	int emotion;
	int phase;          /* enum mot_phase, or -1: not given */
	bool has_drop;
	double drop;
	double entry;       /* entry weight; 0: not an entry */
	bool not_controlled, critical, human, conversion;
};

void ui_shorthand_init(struct ui_shorthand *sh);
void ui_shorthand_free(struct ui_shorthand *sh);
/* Read a line; 0, or -1 with a message in err (no name). */
int ui_shorthand_parse(const char *line, struct ui_shorthand *sh, char *err,
		       size_t errlen);

/* --- layout maths (src/ui/ui_layout.c) -------------------------------------- */

#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_COL_MIN_WIDTH 13   /* narrowest stage column */

struct ui_map_layout {
	bool too_small;
	int cols, rows;
	int header_y;            /* stage names */
	int cards_y, cards_h;    /* the columns of cards */
	int card_h;              /* rows per card, the gap included */
	int card_lines;          /* text lines of a card (2) */
	int rule_y;              /* -1: no rule above the curve */
	int curve_y, curve_h;    /* curve_h 1: a one-line sparkline */
	int detail_y, detail_h;
	int lanes_y, lanes_h;    /* the lanes view (ui_lanes.c); 0: off */
	int status_y;
	int first_stage, n_stages;   /* the stage columns on screen */
	int col_x[MOT_STAGE_COUNT], col_w[MOT_STAGE_COUNT]; /* by stage */
};

/*
 * Lay out the map for a cols x rows screen.  When not every stage fits,
 * the columns shown are a window that holds sel_stage, moved as little as
 * possible from first_stage (the window of the last frame).
 */
void ui_layout_map(struct ui_map_layout *l, int cols, int rows,
		   int sel_stage, int first_stage);
/* Cards that fit in a column. */
int ui_layout_cards_visible(const struct ui_map_layout *l);
/* First item to show so that sel is in view, moving as little as possible
 * from top; count items, `visible` fit. */
size_t ui_layout_scroll(size_t sel, size_t top, size_t visible, size_t count);
/*
 * The same for items of different heights (a card of two or three
 * lines): height(i, ctx) lines each, `gap` lines between two, `avail`
 * lines in all.  The first item shown keeps sel in view, moving as
 * little as possible from top, and leaves no room unused below the last
 * item while items above are hidden.
 */
size_t ui_layout_scroll_lines(size_t sel, size_t top, size_t count, int avail,
			      int gap, int (*height)(size_t i, void *ctx),
			      void *ctx);
/* How many items from `top` fit in avail lines (at least 1). */
size_t ui_layout_fit_lines(size_t top, size_t count, int avail, int gap,
			   int (*height)(size_t i, void *ctx), void *ctx);
/* Row (0 = top) of emotion e in a curve of h rows. */
int ui_layout_curve_row(int emotion, int h);
/* The sparkline character of an emotion. */
char ui_layout_spark(int emotion);
/* "+2", "0", "-3" */
const char *ui_layout_emotion(int emotion);
/* A difference with its sign, "+1.25", "-3", and 0 without one: what
 * rounds to zero is "0" (or "0.00"), never "-0". */
char *ui_format_signed(double v, int decimals, char *buf, size_t len);
/* "1 card", "3 cards": the count and the right word, in a buffer that
 * lives until the fourth call after (for one message's arguments). */
const char *ui_plural(size_t n, const char *one, const char *many);

/* --- form fields (src/ui/ui_field.c) ---------------------------------------- */

enum ui_field_kind {
	UI_FIELD_TEXT,      /* free text; required or optional */
	UI_FIELD_KEY,       /* a slug: [a-z0-9][a-z0-9-]* */
	UI_FIELD_INT,       /* a whole number in [min, max]; empty: def */
	UI_FIELD_NUMBER,    /* a number in [min, max] (min_open: > min) */
	UI_FIELD_BOOL,      /* yes / no */
	UI_FIELD_CHOICE,    /* one of choices[] */
	UI_FIELD_LINES,     /* text of several lines (src/ui/ui_lines.c) */
};

struct ui_field {
	const char *label;
	enum ui_field_kind kind;
	bool required;
	double min, max;
	bool min_open;              /* the value must be > min, not >= */
	/* Numbers: a field with a default may be left empty (it then means
	 * def); one without (required) may not. */
	bool has_def;
	double def;
	bool max_named;             /* max is a real limit, not only a sane
				     * bound: say it in the tip */
	bool extra;                 /* only in a form's long form */
	bool hidden;                /* not shown now (the short form) */
	const char *const *choices;
	int n_choices;
	int choice;                 /* BOOL: 0 no, 1 yes; CHOICE: index */
	wchar_t *buf;               /* the text, NUL-terminated */
	size_t len, cap, cur;       /* characters; cur: cursor position */
	size_t scroll;              /* first character shown */
	bool fresh;                 /* a number just entered: typing replaces it */
	char err[256];              /* why the value is wrong; "" when fine */
	/* LINES: the first line shown; the check of the whole text (NULL:
	 * the text rules of mot-journey(5)) and what it is for (a lane). */
	size_t line_top;
	bool (*check_text)(const struct ui_field *f, const char *text,
			   char *err, size_t len);
	int tag;
	const char *tip;            /* the line under the form; NULL: by kind */
};

void ui_field_init(struct ui_field *f, const char *label,
		   enum ui_field_kind kind);
void ui_field_free(struct ui_field *f);
/* Replace the text with UTF-8 s (NULL: empty); cursor to the end. */
void ui_field_set(struct ui_field *f, const char *s);
void ui_field_set_number(struct ui_field *f, double v);
/* The text as UTF-8 (malloc'ed), blanks trimmed; NULL when empty. */
char *ui_field_text(const struct ui_field *f);
/* The text from character `from` on, untrimmed (malloc'ed): what shows. */
char *ui_field_raw(const struct ui_field *f, size_t from);
/* Characters [from, to) as UTF-8 (malloc'ed). */
char *ui_field_slice(const struct ui_field *f, size_t from, size_t to);
/* A line break at the cursor (LINES fields; typed characters never are). */
void ui_field_newline(struct ui_field *f);
void ui_field_insert(struct ui_field *f, wchar_t c);
void ui_field_backspace(struct ui_field *f);
void ui_field_delete(struct ui_field *f);
void ui_field_kill(struct ui_field *f);
void ui_field_move(struct ui_field *f, long delta);
void ui_field_home(struct ui_field *f);
void ui_field_end(struct ui_field *f);
/* The editing keys of a line of text (cursor, Backspace, Delete,
 * Ctrl-U); true when a was one of them. */
bool ui_field_edit(struct ui_field *f, enum ui_action a);
/* Next (or previous) choice of a BOOL or CHOICE field. */
void ui_field_cycle(struct ui_field *f, int delta);
/* Check the value; sets f->err and returns false when it is wrong. */
bool ui_field_check(struct ui_field *f);
/* The value of an INT or NUMBER field (call after ui_field_check); def
 * when it is empty and has a default. */
double ui_field_number(const struct ui_field *f);
/* What the field takes, for the line under a form: "required", "may be
 * empty", "a number from 0 to 1; empty: 0" ... */
void ui_field_tip(const struct ui_field *f, char *buf, size_t len);
/* "1,000,000" */
char *ui_field_count(double v, char *buf, size_t len);
/* Keep the cursor inside a window of `width` columns; returns the columns
 * the text before the cursor takes on screen from f->scroll. */
int ui_field_fit(struct ui_field *f, int width);

/* --- fields of several lines (src/ui/ui_lines.c) --------------------------- */

/* What a key did in a LINES field. */
enum ui_lines_result {
	UI_LINES_NOT_MINE,      /* not a lines key: the form's as usual */
	UI_LINES_CHANGED,       /* the text changed */
	UI_LINES_MOVED,         /* the cursor moved */
	UI_LINES_NEXT_FIELD,    /* leave it: Down on the last line, Enter on
				 * an empty last line (which goes) */
	UI_LINES_PREV_FIELD,    /* Up on the first line */
};
/* Enter (UI_ACT_NEWLINE), Up, Down, Home, End in a LINES field. */
enum ui_lines_result ui_lines_edit(struct ui_field *f, enum ui_action a);
size_t ui_lines_count(const struct ui_field *f);
/* The line of the cursor, from 0. */
size_t ui_lines_current(const struct ui_field *f);
/* Rows it takes in a form: a row a line, at most five (then scrolled). */
int ui_lines_rows(const struct ui_field *f);

/* UTF-8 to a NUL-terminated wide string (malloc'ed); bad bytes become
 * U+FFFD.  *len (if not NULL) gets its length. */
wchar_t *ui_wcs_from_utf8(const char *s, size_t *len);

/* A key made from a name: "Call centre" -> "call-centre", unique in j
 * (touchpoints when personas is false) by a -2, -3 ... suffix. */
char *ui_key_from_name(const char *name, const struct mot_journey *j,
		       bool personas);

#endif

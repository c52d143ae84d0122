/*
 * ui_int.h - the designer's curses side: the session, the screens, and the
 * helpers they share.  Only the files in src/ui/ include this (and so curses).
 *
 * Each screen is one file with a small table of functions (struct
 * ui_screen, after ncdu's browser.c and tmux's cmd_entry tables).  The
 * screens form a stack: journeys at the bottom, the map on it, a form or
 * the help on top.  Keys become actions through the one table in
 * ui_keys.c before a screen sees them.  Questions (y/n, a line, a list to
 * pick from) are modal and drawn over the screen below (ui_prompt.c).
 */
#ifndef MOT_UI_INT_H
#define MOT_UI_INT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include "ui.h"
#include "workshop.h"

struct ui;
struct ui_obs;	/* observed against designed (ui_observed.c) */

/* What a piece of the screen is; each maps to colour or, without colour,
 * to a plain attribute (ui.c), so every role reads in monochrome too. */
enum ui_role {
	UI_R_NORMAL,
	UI_R_TITLE,      /* the top bar */
	UI_R_HEADER,     /* column and section headers */
	UI_R_SELECTED,   /* the cursor row or card */
	UI_R_DIM,        /* hints, rules, secondary text */
	UI_R_ERROR,
	UI_R_OK,
	UI_R_EXPLORE,    /* the messy middle: exploration */
	UI_R_EVALUATE,   /*                   evaluation */
	UI_R_LOOP,       /* loops between them */
	UI_R_KEY,        /* key names in hints and help */
	UI_R_FIELD,      /* a form field's value */
	UI_R_NAME,       /* a card's name */
	UI_R_EMO,        /* UI_R_EMO + emotion + 3: -3 .. +3 */
	UI_R_HEAT = UI_R_EMO + 7, /* UI_R_HEAT + 0..3: drop-off, low .. high */
	UI_R_COUNT = UI_R_HEAT + 4
};

struct ui_screen {
	const char *name;
	unsigned ctx;                                 /* enum ui_ctx bits */
	void (*draw)(struct ui *ui);
	void (*action)(struct ui *ui, enum ui_action a);
	void (*text)(struct ui *ui, wchar_t c);       /* unbound characters */
	void (*mouse)(struct ui *ui, const MEVENT *ev);
	void (*reloaded)(struct ui *ui);              /* the view changed */
};

/* One short hint of the status line: the keys come from the table. */
struct ui_hint {
	enum ui_action action;
	const char *text;
};

/* --- the state of each screen ------------------------------------------ */

struct ui_journeys_state {
	struct store_journey_info *list;
	size_t n, sel, top;
	char *sel_key;               /* to find the row again after a reload */
};

struct ui_map_state {
	int stage;                   /* the selected stage */
	size_t row[MOT_STAGE_COUNT]; /* the selected row of each stage */
	size_t top[MOT_STAGE_COUNT]; /* the first card shown of each stage */
	int first_stage;             /* the leftmost column shown */
	size_t curve_first;          /* first path step shown on the curve */
	char *sel_key;               /* the selected card's key */
	bool lanes_on;               /* the lanes view (ui_lanes.c) */
	enum mot_lane lane;          /* the lane it shows */
	size_t lanes_top[MOT_STAGE_COUNT]; /* first line of each column */
	bool paths;                  /* paths two steps out, not the curve */
	struct ui_map_layout layout; /* of the last frame, for the mouse */
};

#define UI_LINES_MAX 256

struct ui_trans_state {
	char *key;                   /* the touchpoint whose transitions */
	size_t sel, top;
	long line_row[UI_LINES_MAX]; /* screen line -> row, -1: none (mouse) */
};

struct ui_personas_state {
	size_t sel, top;
};

struct ui_help_state {
	size_t top;
};

struct ui_connect_state {
	char *from;                  /* the key of the card connected from */
	char *back;                  /* chaining: where the last one started */
	bool chain;                  /* the next one goes on from the target */
	char weight[24];             /* digits typed: the next one's weight */
	size_t made;                 /* transitions drawn since c or C */
};

struct ui_quick_state {
	struct ui_field line;        /* what is being typed */
	size_t added;                /* cards added since `i` */
	char last[300];              /* what the last card got */
};

/*
 * Workshop mode (ui_sim.c, ui_results.c, ui_walk.c, ui_impact.c,
 * ui_wom.c, ui_scenarios.c).  Results belong to the open journey: closing
 * it drops them.  A running job keeps its own copies of the journeys, so
 * the designer may edit (what-if) while it runs.
 */
struct ui_ws_state {
	struct ws_settings set;      /* what the panel asked for last */
	struct ws_job *job;          /* a simulation running, or NULL */
	enum ws_job_kind job_kind;
	struct ws_outcome *cur;      /* the latest results, or NULL */
	struct ws_outcome *base;     /* the baseline, or NULL */
	struct ws_outcome *market;   /* the latest word-of-mouth run */
	bool overlay;                /* results on the map's cards */
	/* Live results (ui_live.c): the journey version the results are
	 * of, the one the running job walks, and one not to rerun live:
	 * the engine refused it (no entry left ...) or Esc cancelled it. */
	int64_t cur_version, job_version, refused_version;
	bool job_live;               /* the job was started by an edit */
	/* the job (the results) walk another journey than the map's: a
	 * fit to an event log, never rerun live */
	bool job_foreign, cur_foreign;
	/* the panel's persona choices: "all", then the names; and the keys
	 * (choice_keys[0] NULL), copied: the view may reload meanwhile */
	char **choices, **choice_keys;
	size_t n_choices;
	size_t top;                  /* results screen: first line shown */
	/* walkthrough */
	struct ws_story story;
	uint64_t walk_customer;
	size_t walk_step;
	bool walk_play;
	/* impact view */
	size_t *rank;                /* touchpoint indexes, ranked */
	bool rank_by_emotion;
	size_t imp_sel, imp_top;
	/* scenarios */
	struct store_scenario *scen;
	size_t n_scen, scen_sel, scen_top;
	bool scen_detail;
};

/* ui.c: the input timeout while a job runs, so progress moves. */
#define UI_BUSY_TICK_MS 100

#define UI_FORM_MAX 24

struct ui_form {
	char title[160];
	struct ui_field f[UI_FORM_MAX];
	int n, cur, top;
	struct ui_change *draft;     /* UI_BEFORE filled when opened */
	bool (*save)(struct ui *ui); /* true: saved, close the form */
	/* A save refused because another mot changed the data underneath
	 * (ui_form_merge.c): each field's value as the draft's before side
	 * holds it, the other mot's value where it differs, and the note. */
	char *base[UI_FORM_MAX];
	char *theirs[UI_FORM_MAX];
	char note[400];
};

/* ui_form_merge.c: the typed values, kept while an editor fills the form
 * again from the newer data. */
struct ui_form_stash {
	struct ui_field f[UI_FORM_MAX];
	int n;
};

/* ui_watch.c: live updates (monotonic milliseconds of the last looks);
 * ui_presence.c: who else has the journey open. */
struct ui_watch_state {
	long looked;                 /* at the store */
	long listed;                 /* at the journeys list */
	long beat;                   /* this mot's presence, last set */
	bool beat_failed;            /* and that failed */
	long here_at;                /* the others', last read */
	char *shown_on;              /* the journey others see this mot on */
	struct store_presence *here; /* the others on ui->key */
	size_t n_here;
};

/* --- the session ------------------------------------------------------- */

#define UI_STACK_MAX 8

struct ui {
	struct store *store;
	SCREEN *term;
	FILE *term_in;               /* opened for a headless session */
	bool headless;               /* the bench: no input, no signals */
	int rows, cols;
	bool color;
	attr_t attr[UI_R_COUNT];
	int cursor_y, cursor_x;      /* where a form wants the cursor; -1 */
	bool cursor_on;
	const struct ui_screen *stack[UI_STACK_MAX];
	int depth;
	char *key;                   /* the open journey, or NULL */
	struct ui_view view;
	int64_t version;             /* of the open journey, as loaded */
	struct ui_undo undo;
	char msg[600];
	bool msg_error;
	bool quit;
	struct ui_watch_state watch;
	char *search;                /* the last search */
	bool form_long;              /* forms show every field (Ctrl-F) */
	char *export_dir;            /* the folder exports go to (ui_export.c) */
	struct ui_journeys_state journeys;
	struct ui_map_state map;
	struct ui_trans_state trans;
	struct ui_personas_state personas;
	struct ui_help_state help;
	struct ui_quick_state quick;
	struct ui_connect_state conn;
	struct ui_form form;
	struct ui_ws_state ws;
	struct ui_obs *obs;          /* observed against designed, or NULL */
};

/* --- input -------------------------------------------------------------- */

enum ui_input_kind {
	UI_IN_CHAR,      /* a character: in.ch */
	UI_IN_KEY,       /* a curses KEY_* code: in.ch */
	UI_IN_MOUSE,     /* in.mouse */
	UI_IN_RESIZE,
	UI_IN_IDLE,      /* nothing happened for a while */
	UI_IN_QUIT,      /* a signal or a lost terminal: leave now */
};

struct ui_input {
	enum ui_input_kind kind;
	int ch;
	MEVENT mouse;
};

/* ui.c: wait for input; signals, suspend and resize are handled here.
 * With `poll` (the main loop, not a modal question), every wait also
 * looks for other designers' changes (ui_watch_tick). */
void ui_getkey(struct ui *ui, struct ui_input *in, bool poll);
/* ui_watch.c: at most every 200 ms, ask the store whether another mot
 * committed a change (store_watch_changed) and reload the open journey
 * when its version moved (the cursor stays on its card; a form keeps its
 * draft); with none open, refresh the journeys list.  Presence too. */
void ui_watch_tick(struct ui *ui);
/* ui_presence.c: show this mot on ui->key (none: on no journey), as a
 * heartbeat, and read who else is there; NOW in monotonic ms.  Called
 * from every input wait, questions included. */
void ui_presence_tick(struct ui *ui, long now);
/* The others on the open journey, for the status line, in at most WIDTH
 * columns ("also here: anna@laptop, +2 more"); "" when nobody or it does
 * not fit.  Returns its width. */
int ui_presence_text(const struct ui *ui, int width, char *buf, size_t len);
void ui_presence_free(struct ui *ui);
/* Monotonic milliseconds. */
long ui_watch_now(void);

/* --- ui.c: the session ------------------------------------------------- */

void ui_push(struct ui *ui, const struct ui_screen *sc);
void ui_pop(struct ui *ui);
const struct ui_screen *ui_top(const struct ui *ui);
/* Draw the top screen (ui_paint), put it on the terminal (ui_show). */
void ui_paint(struct ui *ui);
void ui_show(struct ui *ui);
void ui_draw(struct ui *ui);
void ui_message(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Open a journey on the map; -1 (and a message) when it cannot load. */
int ui_open_journey(struct ui *ui, const char *key);
void ui_close_journey(struct ui *ui);
/* Load the open journey again and tell the screens. */
void ui_reload(struct ui *ui);
/* Make a change (see ui_undo_do), reload, and say what happened: a
 * conflict says so and shows the newer data.  Returns a store status. */
int ui_do(struct ui *ui, struct ui_change *c);
/* Undo, redo: on any screen that edits. */
void ui_undo_action(struct ui *ui, bool redo);
/* Actions every list screen shares (help, undo, redo, redraw); true when
 * it was one of them. */
bool ui_common_action(struct ui *ui, enum ui_action a);

/* --- ui_draw.c: drawing helpers ---------------------------------------- */

/* Draw UTF-8 text at (y, x) cut to w columns (wide characters whole);
 * returns the columns used.  Control characters show as '?'. */
int ui_put(struct ui *ui, int y, int x, int w, const char *s,
	   enum ui_role role);
/* Like ui_put, then blanks up to w columns. */
void ui_put_pad(struct ui *ui, int y, int x, int w, const char *s,
		enum ui_role role);
void ui_putf(struct ui *ui, int y, int x, int w, enum ui_role role,
	     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ui_fill(struct ui *ui, int y, int x, int w, enum ui_role role);
/* A text field's visible part in w columns; the cursor goes there. */
void ui_put_field(struct ui *ui, struct ui_field *f, int y, int x, int w);
/* A lines field in rows y .. y + ui_lines_rows(f) - 1 (ui_lines.c). */
void ui_lines_draw(struct ui *ui, struct ui_field *f, int y, int x, int w,
		   bool cur);
attr_t ui_attr(const struct ui *ui, enum ui_role role);
attr_t ui_emotion_attr(const struct ui *ui, int emotion);
/* The top bar: left text, right text. */
void ui_title(struct ui *ui, const char *left, const char *right);
/* The bottom line: the message, else the hints. */
void ui_status(struct ui *ui, const struct ui_hint *hints, size_t n,
	       unsigned ctx);
/* "mot needs a 40x12 terminal" on a too small one; true when it was. */
bool ui_too_small(struct ui *ui);
/* A list of n rows in lines [y, y+h): scroll so sel shows. */
size_t ui_list_top(size_t sel, size_t top, int h, size_t n);
/* Move a list selection by an action; true when it was a move. */
bool ui_list_move(enum ui_action a, size_t *sel, size_t n, int page);
/* Scroll text whose first line shown is *top by an action, a page at a
 * time, up to `last` (SIZE_MAX when the draw keeps it in range); true
 * when it was a move. */
bool ui_scroll_move(enum ui_action a, size_t *top, size_t page, size_t last);
/* "3 min ago", "2026-11-22" */
void ui_when(int64_t t, char *buf, size_t len);

/* --- ui_prompt.c: modal questions -------------------------------------- */

bool ui_confirm(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A line of text, malloc'ed ("" when left empty); NULL when cancelled. */
char *ui_ask(struct ui *ui, const char *label, const char *initial);
/* Pick one of items (filtered as you type); -1 when cancelled. */
long ui_pick(struct ui *ui, const char *title, const char *const *items,
	     size_t n, long sel);

/* --- screens ------------------------------------------------------------- */

extern const struct ui_screen ui_journeys_screen;
extern const struct ui_screen ui_map_screen;
extern const struct ui_screen ui_form_screen;
extern const struct ui_screen ui_transitions_screen;
extern const struct ui_screen ui_personas_screen;
extern const struct ui_screen ui_help_screen;
extern const struct ui_screen ui_results_screen;
extern const struct ui_screen ui_walk_screen;
extern const struct ui_screen ui_impact_screen;
extern const struct ui_screen ui_scenarios_screen;
extern const struct ui_screen ui_wom_screen;
extern const struct ui_screen ui_quick_screen;
extern const struct ui_screen ui_connect_screen;

/* ui_journeys.c */
void ui_journeys_refresh(struct ui *ui);
void ui_journeys_free(struct ui *ui);
/* Put the journeys screen's cursor on a journey. */
void ui_journeys_show(struct ui *ui, const char *key);
/* ui_map.c */
void ui_map_select_key(struct ui *ui, const char *key);
long ui_map_selected(const struct ui *ui);
void ui_map_free(struct ui *ui);
/* The map's movement keys (j k h l, pages, first, last) on its cursor;
 * true when a was one of them. */
bool ui_map_move_cursor(struct ui *ui, enum ui_action a);
/* ui_connect.c: drawing transitions with the cursor (c, C) */
void ui_connect_open(struct ui *ui, bool chain);
void ui_connect_free(struct ui *ui);
/* The card being connected from, or -1 when not connecting. */
long ui_connect_source(const struct ui *ui);
/* ui_form.c */
void ui_form_reset(struct ui *ui, const char *title);
struct ui_field *ui_form_add(struct ui *ui, const char *label,
			     enum ui_field_kind kind);
void ui_form_open(struct ui *ui, bool (*save)(struct ui *ui));
void ui_form_free(struct ui *ui);
/* Go to field i; typing there first replaces its text. */
void ui_form_focus(struct ui *ui, int i);
/* Check every field; on the first bad one, go there and say why. */
bool ui_form_check(struct ui *ui);
/* ui_form_merge.c: save the form's draft as one change (ui_do) but keep
 * it when refused; the form then stays open.  Returns a store status. */
int ui_form_commit(struct ui *ui);
/* After a conflict: move the typed fields aside (begin), let the editor
 * fill the form from the newer data and make that the draft's before
 * side, then (end) keep every field the designer changed, take the other
 * mot's value in the others, and say on the form which fields differ. */
void ui_form_rebase_begin(struct ui *ui, struct ui_form_stash *st);
void ui_form_rebase_end(struct ui *ui, struct ui_form_stash *st);
/* ui_form_commit, and on a conflict (or the data gone) `rebase`, the
 * editor's: fill the form again from the newer data between the two
 * calls above, or ui_form_note_gone.  Returns the store status. */
int ui_form_commit_or_rebase(struct ui *ui,
			     void (*rebase)(struct ui *ui,
					    struct ui_change *c));
/* The note of a form whose data another mot deleted meanwhile. */
void ui_form_note_gone(struct ui *ui, const char *what);
/* Remember each field's value as the draft starts from (ui_form_open). */
void ui_form_base_take(struct ui *ui);
void ui_form_base_free(struct ui *ui);
/* ui_quick.c: quick add on the map */
void ui_quick_open(struct ui *ui);
void ui_quick_free(struct ui *ui);
/* ui_touchpoint.c */
void ui_touchpoint_edit(struct ui *ui, size_t i);
void ui_touchpoint_add(struct ui *ui, enum mot_stage stage, size_t position);
/* ui_transitions.c */
void ui_transitions_open(struct ui *ui, const char *key);
void ui_transitions_free(struct ui *ui);
/* A transition from -> to (keys) with this weight and label (NULL or
 * empty: none), as one change. */
bool ui_transition_new(struct ui *ui, const char *from, const char *to,
		       double weight, const char *label);
/* Ask, then delete touchpoint from's next[k]; true when deleted. */
bool ui_transition_delete(struct ui *ui, size_t from, size_t k);
/* The index in touchpoint from's next[] of the one to `to`, or -1. */
long ui_transition_find(const struct ui *ui, size_t from, const char *to);
/* ui_personas.c */
void ui_personas_open(struct ui *ui);
void ui_meta_edit(struct ui *ui);
/* ui_help.c */
void ui_help_open(struct ui *ui);
/* ui_export.c: ask where to write `file` (a name), offering the export
 * folder; the whole path (malloc'ed), or NULL when cancelled or when a
 * file there is not to be replaced. */
char *ui_export_ask(struct ui *ui, const char *file);
/* ui_export.c: pick a format and a file name, write the journey. */
void ui_export(struct ui *ui, const struct mot_journey *j);
/* "Could not write PATH: reason" on the status line, from the err of a
 * failed export_write_file() or util_write_atomic() (empty: errno). */
void ui_export_failed(struct ui *ui, const char *path, const char *err);

/* --- workshop mode ------------------------------------------------------ */

/* ui_sim.c: the simulation panel (a form) for the open journey; its save
 * starts the run and shows the results screen. */
void ui_sim_panel(struct ui *ui);
/* Start a run with ui->ws.set: a comparison when a baseline is kept. */
void ui_sim_start(struct ui *ui);
/* Start the what-if of two journeys given (both copied), with
 * ui->ws.set: base as the baseline, scenario as the scenario. */
void ui_sim_start_whatif(struct ui *ui, const struct mot_journey *base,
			 const struct mot_journey *scenario);
/* Start a word-of-mouth run (WS_JOB_MARKET) with ui->ws.set. */
void ui_sim_start_market(struct ui *ui);
/* ui_sim_start without a message (a live rerun); 0, or -1 with the
 * engine's reason in err. */
int ui_sim_start_quiet(struct ui *ui, char *err, size_t errlen);
/* ui_live.c: after an edit, run the last simulation again on the
 * journey as it is now (called with every tick of the main loop). */
void ui_live_tick(struct ui *ui);
/* Results on screen are of an older journey: "updating", or "stale:
 * r to rerun" (too big to rerun on every edit, or refused); NULL when
 * they are of the journey as it is. */
const char *ui_live_state(const struct ui *ui);
/* Called by the main loop at every input or timeout: takes a finished
 * job's outcome (or its error) into ui->ws. */
void ui_sim_tick(struct ui *ui);
/* Cancel a running job, wait for it; true when one ran. */
bool ui_sim_cancel(struct ui *ui);
/* Free all workshop state (closing the journey). */
void ui_sim_free(struct ui *ui);
/* The map's overlay of card i: false when there is none to draw. */
bool ui_sim_card(const struct ui *ui, size_t i, double *visits_per_customer,
		 double *drop_share);
/* With the overlay on: the share of customers reaching stage s, and the
 * map's headline "conv 19.5% (19.3-19.8) NPS +12". */
bool ui_sim_stage(const struct ui *ui, int s, double *reach);
bool ui_sim_headline(const struct ui *ui, char *buf, size_t len, int room);
/* A progress bar in w columns at (y, x) while a job runs. */
void ui_sim_progress(struct ui *ui, int y, int x, int w);
/* A count with thousands separators: "1,000,000". */
char *ui_sim_count(uint64_t n, char *buf, size_t len);
/* ui_results.c */
void ui_results_open(struct ui *ui);
/* ui_walk.c, ui_impact.c, ui_wom.c, ui_scenarios.c */
void ui_walk_open(struct ui *ui);
void ui_impact_open(struct ui *ui);
void ui_wom_open(struct ui *ui);
void ui_scenarios_open(struct ui *ui);
void ui_scenarios_free(struct ui *ui);
/* ui_simexport.c: `x` on results, scenarios and word of mouth. */
void ui_sim_export(struct ui *ui);

/* ui_observed.c: the journey's newest event log against the design (O):
 * on (loading the log) or off; whether it is on; free it (closing the
 * journey). */
void ui_obs_toggle(struct ui *ui);
bool ui_obs_on(const struct ui *ui);
/* The what-if of the design (baseline) against its fit to the log
 * (scenario), turning the overlay on first if it is off. */
void ui_obs_fit_whatif(struct ui *ui);
void ui_obs_free(struct ui *ui);

#endif

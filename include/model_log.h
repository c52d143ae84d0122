/*
 * model_log.h - event logs: what customers of a journey were observed to
 * do, case by case (a case is one customer), as `mot log import` reads it
 * (src/log/) and the store keeps it.
 *
 * Like model.h this knows no curses, SQL, YAML or XML.  Events are held
 * column-wise (one array per field), because a log may hold millions of
 * them: 12 bytes an event, plus each case's id once.
 */
#ifndef MOT_MODEL_LOG_H
#define MOT_MODEL_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* An activity as the log spells it, and the touchpoint it stands for. */
struct mot_log_activity {
	char *name;
	char *touchpoint;  /* a touchpoint key; NULL while not mapped */
	uint64_t events;
};

/* A case: its events are first .. first + n - 1, in time order. */
struct mot_log_case {
	size_t id;         /* offset of its id (NUL-terminated) in mot_log.ids */
	size_t first;
	uint32_t n;
};

struct mot_log {
	int64_t id;        /* row id in the store; 0 when not stored */
	char *name;        /* unique within its journey */
	char *source;      /* the file it was read from, as given */
	int64_t imported;  /* unix seconds; 0 when not stored */
	struct mot_log_activity *activities;
	size_t n_activities;
	struct mot_log_case *cases;
	size_t n_cases;
	/* per event: the activity (an index into activities) and the time
	 * in milliseconds since 1970-01-01T00:00:00Z */
	uint32_t *act;
	int64_t *time;
	size_t n_events;
	char *ids;         /* the case ids, each NUL-terminated */
	size_t ids_len;
	/* allocated room (elements) of cases, of act and time, of ids */
	size_t cap_cases, cap_events, cap_ids;
};

/* Cases in one stored part (the store keeps a log in parts of this many
 * cases, so that a million events are a few hundred rows). */
#define MODEL_LOG_PART_CASES 4096u
/* Longest case id, in bytes. */
#define MODEL_LOG_ID_MAX 1024u

void model_log_init(struct mot_log *l);
void model_log_free(struct mot_log *l);

static inline const char *model_log_case_id(const struct mot_log *l, size_t c)
{
	return l->ids + l->cases[c].id;
}

/*
 * The cases first .. first + n - 1 of l as one part (appended to b):
 * for each case its id's length and bytes, its event count, then each
 * event's activity and its time as the difference to the event before
 * (the first to 0), all as LEB128 varints (times zigzag-coded).  Times
 * rise within a case, so most differences take one to three bytes.
 */
void model_log_encode(const struct mot_log *l, size_t first, size_t n,
		      struct strbuf *b);
/*
 * Append the cases of one part to l, whose activities must be in place
 * already.  Returns 0, or -1 (l unchanged) when the part is damaged: cut
 * short, an id that is empty, too long or holds a NUL, an activity out of
 * range, times that go back.
 */
int model_log_decode(struct mot_log *l, const void *data, size_t len);

#endif

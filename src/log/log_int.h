/*
 * log_int.h - private to src/log/: the builder the readers feed events
 * into, one at a time, in the file's order.
 */
#ifndef MOT_LOG_INT_H
#define MOT_LOG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "log.h"

/* A string -> index table (case ids, activity names): open addressing,
 * the strings kept NUL-separated in one arena. */
struct log_strtab {
	uint32_t *slots;      /* index + 1; 0 is empty */
	size_t n_slots;       /* a power of two */
	size_t *off;          /* per index: offset of its string in arena */
	uint32_t *hash;       /* per index: its hash */
	size_t n, cap;
	char *arena;
	size_t arena_len, arena_cap;
};

struct log_builder {
	const char *file;       /* for messages */
	struct mot_diags *d;
	size_t errors;          /* all of them, shown or not */
	struct log_strtab cases, acts;
	uint32_t last_case;     /* the case of the last event */
	size_t last_len;        /* and the length of its id */
	/* per event, in the file's order */
	uint32_t *ev_case, *ev_act;
	int64_t *ev_time;
	size_t n, cap;
	/* per case: events, earliest time */
	uint32_t *case_n;
	int64_t *case_min;
	size_t case_cap;
};

void log_builder_init(struct log_builder *b, const char *file,
		      struct mot_diags *d);
void log_builder_free(struct log_builder *b);
/* An error at a line of the file (0: none); past LOG_MAX_ERRORS only
 * counted. */
void log_builder_error(struct log_builder *b, unsigned long line,
		       const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * One event.  Checks the case id (not empty, at most MODEL_LOG_ID_MAX
 * bytes, UTF-8, no NUL), the activity (not empty, at most MOT_TEXT_MAX
 * bytes, UTF-8) and the time, and reports what is wrong at `line`.
 * Returns 0, or -1 after an error.
 */
int log_builder_event(struct log_builder *b, unsigned long line,
		      const char *case_id, size_t case_len,
		      const char *act, size_t act_len,
		      const char *time, size_t time_len);
/* Sort and move the events into *out (see log_read_file); -1 when an
 * error was reported or there is no event. */
int log_builder_finish(struct log_builder *b, struct mot_log *out);

/* The readers. */
/* The readers take the file from fd when it is >= 0 (XES: from path when
 * that is not NULL), else from data. */
int log_csv_read(struct log_builder *b, int fd, const char *data, size_t len,
		 const struct log_read_options *o);
int log_xes_read(struct log_builder *b, const char *path, int fd,
		 const char *data, size_t len, const struct log_read_options *o);

#endif

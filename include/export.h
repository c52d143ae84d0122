/*
 * export.h - journey map exports.  Each format is a small module behind
 * one interface, listed in one table (src/export/export.c); `mot export` and the
 * UI's export prompt both go through export_find()/export_write_file().
 */
#ifndef MOT_EXPORT_H
#define MOT_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"

/*
 * Figures of a simulation the caller ran (`mot export --sim N`, the
 * designer's heat map), for the overlays of dot, svg and html.  Export
 * never runs the engine: it draws what it is handed.  The arrays follow
 * the journey's order (transitions touchpoint by touchpoint), and n and
 * n_edges must match the journey written, else the writer refuses it.
 */
struct export_sim {
	uint64_t customers;
	size_t n;              /* touchpoints */
	const uint64_t *reach; /* customers who came by touchpoint i */
	const uint64_t *drops; /* walks that ended at touchpoint i */
	size_t n_edges;        /* transitions */
	const uint64_t *flow;  /* times transition e was taken; NULL: none */
};

/*
 * The lanes under the cards a format writes (--lanes): a bit per enum
 * mot_lane, or EXPORT_LANES_AUTO for the lanes that have content (in the
 * picture, all but evidence), or EXPORT_LANES_NONE.
 */
#define EXPORT_LANES_AUTO 0u
#define EXPORT_LANE_BIT(l) (1u << (l))
#define EXPORT_LANES_ALL ((1u << MOT_LANE_COUNT) - 1)
#define EXPORT_LANES_NONE (1u << MOT_LANE_COUNT)

struct export_options {
	int width;                   /* txt: columns to fit; 0 = 80 */
	const struct export_sim *sim; /* overlays; NULL = none */
	unsigned lanes;              /* EXPORT_LANES_AUTO, or the lanes */
};

/* "pains,kpis", "all" or "none" into *lanes; -1 with a message naming
 * the lanes there are when a name is unknown or the list empty. */
int export_lanes_parse(const char *s, unsigned *lanes, char *err,
		       size_t errlen);
/* The lanes asked for that a format writes: `asked` as parsed, and for
 * EXPORT_LANES_AUTO those of `candidates` some touchpoint of j fills. */
unsigned export_lanes_pick(const struct mot_journey *j, unsigned asked,
			   unsigned candidates);

struct export_format {
	const char *name;        /* -f NAME */
	const char *extension;   /* default file extension, without dot */
	const char *description; /* one line, for --help and the UI */
	bool draws_sim;          /* draws export_options.sim when given */
	/* Write the journey; return 0, or -1 with the reason in err (a
	 * failed write to out may leave err empty: the callers below then
	 * name the stream's error).  Runs with LC_NUMERIC "C". */
	int (*write)(FILE *out, const struct mot_journey *j,
		     const struct export_options *opt, char *err,
		     size_t errlen);
};

/* All formats, in the order --help lists them. */
const struct export_format *export_formats(size_t *n);
const struct export_format *export_find(const char *name);
/* "Formats:" and one line per format, for --help and errors. */
void export_print_formats(FILE *out);

/*
 * Write to a stream (flushed), or atomically to a file (temp + rename).
 * Both return 0, or -1 with the reason in err: nothing is printed, so the
 * command line and the UI each show it their own way.
 */
int export_write_stream(const struct export_format *f, FILE *out,
			const struct mot_journey *j,
			const struct export_options *opt,
			char *err, size_t errlen);
int export_write_file(const struct export_format *f, const char *path,
		      const struct mot_journey *j,
		      const struct export_options *opt,
		      char *err, size_t errlen);

/* The formats themselves (one file each). */
int export_yaml(FILE *out, const struct mot_journey *j,
		const struct export_options *opt, char *err,
		size_t errlen);
int export_txt(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen);
int export_md(FILE *out, const struct mot_journey *j,
	      const struct export_options *opt, char *err,
	      size_t errlen);
int export_csv(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen);
int export_dot(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen);
int export_mermaid(FILE *out, const struct mot_journey *j,
		   const struct export_options *opt, char *err,
		   size_t errlen);
int export_mermaid_flow(FILE *out, const struct mot_journey *j,
			const struct export_options *opt, char *err,
			size_t errlen);
int export_svg(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen);
int export_html(FILE *out, const struct mot_journey *j,
		const struct export_options *opt, char *err,
		size_t errlen);

/*
 * csv into a directory: DIR/KEY-touchpoints.csv and DIR/KEY-transitions.csv,
 * each starting with a UTF-8 byte-order mark (for Excel), both replaced
 * together or neither (util_write_atomic_set).  Returns 0, or -1 with a
 * message in err.
 */
int export_csv_write_dir(const char *dir, const struct mot_journey *j,
			 const struct export_options *opt,
			 char *err, size_t errlen);

#endif

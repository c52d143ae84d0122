/*
 * export.h - journey map exports.  Each format is a small module behind
 * one interface, listed in one table (src/export/export.c); `mot export` and the
 * UI's export prompt both go through export_find()/export_write_file().
 */
#ifndef MOT_EXPORT_H
#define MOT_EXPORT_H

#include <stdio.h>

#include "model.h"

struct export_options {
	int width;                   /* txt: columns to fit; 0 = 80 */
	unsigned long sim_customers; /* --sim N overlays; 0 = none */
	unsigned long long sim_seed;
};

struct export_format {
	const char *name;        /* -f NAME */
	const char *extension;   /* default file extension, without dot */
	const char *description; /* one line, for --help and the UI */
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
 * each written atomically and starting with a UTF-8 byte-order mark (for
 * Excel).  Returns 0, or -1 with a message in err.
 */
int export_csv_write_dir(const char *dir, const struct mot_journey *j,
			 const struct export_options *opt,
			 char *err, size_t errlen);

#endif

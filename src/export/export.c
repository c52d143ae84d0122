/*
 * export.c - the table of export formats and the way they are written:
 * to a stream, or atomically to a file.
 */
#include "export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* One row per format; `mot export --help`, -f and the UI read this. */
static const struct export_format export_table[] = {
	{ "yaml", "yaml", "the journey file (mot-journey(5)), for import",
	  false, export_yaml },
	{ "txt", "txt", "the text map of 'mot show', fitted to --width",
	  false, export_txt },
	{ "md", "md", "a Markdown journey map: a table per stage, transitions",
	  false, export_md },
	{ "csv", "csv", "touchpoints and transitions for spreadsheets (-o DIR: "
	  "two files)", false, export_csv },
	{ "dot", "dot", "a Graphviz digraph, a cluster per stage (--sim: flow)",
	  true, export_dot },
	{ "mermaid", "mmd", "a Mermaid journey diagram, scored by emotion",
	  false, export_mermaid },
	{ "mermaid-flow", "mmd", "a Mermaid flowchart with the loops",
	  false, export_mermaid_flow },
	{ "svg", "svg", "a journey-map picture for slides (--sim: heat)",
	  true, export_svg },
	{ "html", "html", "the picture in a self-contained page that prints",
	  true, export_html },
};

const struct export_format *export_formats(size_t *n)
{
	if (n)
		*n = sizeof export_table / sizeof export_table[0];
	return export_table;
}

const struct export_format *export_find(const char *name)
{
	size_t n;
	const struct export_format *f = export_formats(&n);

	for (size_t i = 0; name && i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return &f[i];
	return NULL;
}

void export_print_formats(FILE *out)
{
	size_t n;
	const struct export_format *f = export_formats(&n);

	fprintf(out, "Formats:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  %-13s %s\n", f[i].name, f[i].description);
}

int export_lanes_parse(const char *s, unsigned *lanes, char *err,
		       size_t errlen)
{
	char *copy = xstrdup(s), *save = NULL;

	*lanes = 0;
	for (char *w = strtok_r(copy, ",", &save); w;
	     w = strtok_r(NULL, ",", &save)) {
		int l = model_lane_parse(w);

		if (strcmp(w, "all") == 0) {
			*lanes |= EXPORT_LANES_ALL;
		} else if (strcmp(w, "none") == 0) {
			*lanes |= EXPORT_LANES_NONE;
		} else if (l < 0) {
			struct strbuf b;

			strbuf_init(&b);
			for (int k = 0; k < MOT_LANE_COUNT; k++)
				strbuf_printf(&b, "%s, ", model_lane_key(
						      (enum mot_lane)k));
			snprintf(err, errlen, "unknown lane '%s' (lanes: %sall, "
				 "none)", w, b.s);
			strbuf_free(&b);
			free(copy);
			return -1;
		} else {
			*lanes |= EXPORT_LANE_BIT(l);
		}
	}
	free(copy);
	if (*lanes == 0 || (*lanes & EXPORT_LANES_NONE && *lanes & EXPORT_LANES_ALL)) {
		snprintf(err, errlen, "--lanes wants lane names, 'all' or "
			 "'none' (alone)");
		return -1;
	}
	return 0;
}

unsigned export_lanes_pick(const struct mot_journey *j, unsigned asked,
			   unsigned candidates)
{
	unsigned filled = 0;

	if (asked != EXPORT_LANES_AUTO)
		return asked & EXPORT_LANES_ALL;
	for (size_t i = 0; i < j->n_touchpoints; i++)
		for (int l = 0; l < MOT_LANE_COUNT; l++)
			if (model_lane_filled(&j->touchpoints[i], (enum mot_lane)l))
				filled |= EXPORT_LANE_BIT(l);
	return filled & candidates;
}

/* A format's writer in the C numeric locale (a decimal comma would break
 * every number in a CSV cell, an SVG coordinate or a DOT attribute), with
 * a reason in err whenever it fails. */
static int export_run(const struct export_format *f, FILE *out,
		      const struct mot_journey *j,
		      const struct export_options *opt, char *err,
		      size_t errlen)
{
	struct util_locale l;
	int rc;

	err[0] = '\0';
	errno = 0;
	util_locale_c_enter(&l);
	rc = f->write(out, j, opt, err, errlen);
	util_locale_c_leave(&l);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = -1;
	if (rc != 0 && !err[0])
		snprintf(err, errlen, "%s", errno ? strerror(errno) :
			 "write failed");
	return rc;
}

int export_write_stream(const struct export_format *f, FILE *out,
			const struct mot_journey *j,
			const struct export_options *opt,
			char *err, size_t errlen)
{
	return export_run(f, out, j, opt, err, errlen);
}

struct export_job {
	const struct export_format *f;
	const struct mot_journey *j;
	const struct export_options *opt;
	char *err;
	size_t errlen;
};

static int export_job_write(FILE *out, void *ctx)
{
	const struct export_job *job = ctx;

	return export_run(job->f, out, job->j, job->opt, job->err,
			  job->errlen);
}

int export_write_file(const struct export_format *f, const char *path,
		      const struct mot_journey *j,
		      const struct export_options *opt,
		      char *err, size_t errlen)
{
	char why[512] = "";
	struct export_job job = { f, j, opt, why, sizeof why };
	int rc;

	errno = 0;
	rc = util_write_atomic(path, export_job_write, &job, err, errlen);
	/* The writer's own reason beats the generic one of the file. */
	if (rc != 0 && why[0])
		snprintf(err, errlen, "%s: %s", path, why);
	return rc;
}

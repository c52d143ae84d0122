/*
 * export.c - the table of export formats and the way they are written:
 * to a stream, or atomically to a file.
 */
#include "export.h"

#include <errno.h>
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

int export_write_stream(const struct export_format *f, FILE *out,
			const struct mot_journey *j,
			const struct export_options *opt)
{
	if (f->write(out, j, opt) != 0)
		return -1;
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

struct export_job {
	const struct export_format *f;
	const struct mot_journey *j;
	const struct export_options *opt;
};

static int export_job_write(FILE *out, void *ctx)
{
	const struct export_job *job = ctx;

	return job->f->write(out, job->j, job->opt);
}

int export_write_file(const struct export_format *f, const char *path,
		      const struct mot_journey *j,
		      const struct export_options *opt,
		      char *err, size_t errlen)
{
	struct export_job job = { f, j, opt };

	errno = 0;
	return util_write_atomic(path, export_job_write, &job, err, errlen);
}

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
	  export_yaml },
	{ "txt", "txt", "the text map of 'mot show', fitted to --width",
	  export_txt },
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

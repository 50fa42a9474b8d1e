/* The scorecard formats: the one table of names, file extensions and
 * writers, and the dispatch to the writer of each format. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "yardstick/common.h"
#include "yardstick/report.h"

/* In the order the help lists them; text, the default, first. */
static const ys_report_format_info formats[] = {
	{YS_REPORT_TEXT, "text", "txt", "txt", ys_report_text,
	 "plain text wrapped to the width, for reading and printing"},
	{YS_REPORT_MARKDOWN, "markdown", "md", "md", ys_report_markdown,
	 "Markdown, for wikis and repositories"},
	{YS_REPORT_HTML, "html", "htm", "html", ys_report_html,
	 "one self-contained web page, for committee papers and printing"},
	{YS_REPORT_CSV, "csv", NULL, "csv", ys_report_csv,
	 "one row per question, for spreadsheets"},
	{YS_REPORT_JSON, "json", NULL, "json", ys_report_json,
	 "every figure, exact values included, for other programs"},
	{YS_REPORT_SVG, "svg", NULL, "svg", ys_report_svg,
	 "a radar chart of the area scores, for slides"},
};

const ys_report_format_info *ys_report_formats(size_t *n)
{
	*n = YS_ARRAY_LEN(formats);
	return formats;
}

const ys_report_format_info *ys_report_format_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < YS_ARRAY_LEN(formats); i++)
		if (!strcmp(name, formats[i].name) ||
		    (formats[i].alias && !strcmp(name, formats[i].alias)))
			return &formats[i];
	return NULL;
}

static const ys_report_format_info *format_info(ys_report_format f)
{
	size_t i;

	for (i = 0; i < YS_ARRAY_LEN(formats); i++)
		if (formats[i].format == f)
			return &formats[i];
	return NULL;
}

bool ys_report_format_parse(const char *name, ys_report_format *out)
{
	const ys_report_format_info *fi = ys_report_format_find(name);

	if (!fi)
		return false;
	*out = fi->format;
	return true;
}

const char *ys_report_format_name(ys_report_format f)
{
	const ys_report_format_info *fi = format_info(f);

	return fi ? fi->name : formats[0].name;
}

char *ys_report_format_list(char *buf, size_t size, bool mark_default)
{
	size_t i, n = YS_ARRAY_LEN(formats), len = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		int k = snprintf(buf + len, size - len, "%s%s%s",
				 i == 0 ? "" : i + 1 == n ? " or " : ", ",
				 formats[i].name,
				 i == 0 && mark_default ? " (default)" : "");

		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

int ys_report_write(const ys_report *r, ys_report_format f, FILE *out)
{
	const ys_report_format_info *fi = format_info(f);

	return fi ? fi->write(r, out) : EINVAL;
}

/* The "what changed in the questionnaire" part of a comparison between
 * answers files made with two versions of one questionnaire, in each of
 * compare's formats. Not part of the public API. */
#ifndef YARDSTICK_REPORT_QDIFF_H
#define YARDSTICK_REPORT_QDIFF_H

#include <stdio.h>

#include "report_priv.h"
#include "yardstick/qdiff.h"

/* Text: level names, targets, threshold, then the areas and questions
 * added, removed and moved, each a titled list; "No questions were
 * added, removed or moved" when there are none. */
void ys_qdiff_write_text(ys_tw *t, const ys_qdiff *d,
			 const ys_questionnaire *oq,
			 const ys_questionnaire *nq);
/* Markdown: the same, as lists and tables under "###" headings. Returns
 * false when memory ran out (the output is then incomplete). */
bool ys_qdiff_write_markdown(FILE *out, const ys_qdiff *d,
			     const ys_questionnaire *oq,
			     const ys_questionnaire *nq);
/* JSON: one object (no trailing newline), indented for a member of the
 * top-level object: levels, threshold, areas, questions and targets. */
void ys_qdiff_write_json(FILE *out, const ys_qdiff *d,
			 const ys_questionnaire *oq,
			 const ys_questionnaire *nq);

#endif

/* Answers in words (wording.h). */
#include "yardstick/wording.h"

const char *ys_choice_text(const ys_question *qn, ys_choice c)
{
	switch (c.kind) {
	case YS_ANS_OPTION:
		if (c.option >= 0 && (size_t)c.option < qn->n_options)
			return qn->options[c.option].label;
		return "Unknown answer";
	case YS_ANS_DONT_KNOW:
		return "Don't know";
	case YS_ANS_NA:
		return "N/A";
	case YS_ANS_NONE:
		break;
	}
	return "Not answered";
}

const char *ys_answer_text(const ys_question *qn, const ys_response *r)
{
	if (!r || !r->answer)
		return "Not answered";
	return ys_choice_text(qn, r->choice);
}

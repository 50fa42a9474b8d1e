/* The session's prompts: their labels, the line editor, what submitting
 * each prompt does (answers fields, workshop fields, saving elsewhere,
 * exporting the scorecard). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "session_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/line.h"
#include "yardstick/path.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

bool ys_session_text_prompt(const ys_session *s)
{
	return s->prompt != YS_PROMPT_NONE &&
	       s->prompt != YS_PROMPT_CONFIRM_QUIT &&
	       s->prompt != YS_PROMPT_QUIT_UNSAVED &&
	       s->prompt != YS_PROMPT_DELETE_ACTION &&
	       !(s->prompt == YS_PROMPT_EXPORT_FORMAT && s->opts.n_export_names);
}

const char *ys_session_prompt_label(const ys_session *s)
{
	switch (s->prompt) {
	case YS_PROMPT_ORG:
		return "Organisation";
	case YS_PROMPT_ASSESSORS:
		return "Assessors (comma separated)";
	case YS_PROMPT_NA_REASON:
		return "Why does it not apply";
	case YS_PROMPT_NOTE:
		return "Note";
	case YS_PROMPT_OWNER:
		return "Owner of this area";
	case YS_PROMPT_ACTION_TEXT:
		return s->editing != SIZE_MAX ? "Action" : "New action";
	case YS_PROMPT_ACTION_OWNER:
		return "Action owner";
	case YS_PROMPT_ACTION_DUE:
		return "Due date (DD/MM/YYYY, optional)";
	case YS_PROMPT_SAVE_AS:
		return "Save to file";
	case YS_PROMPT_EXPORT_FORMAT:
		return s->export_label;
	case YS_PROMPT_EXPORT_PATH:
		return "Export the scorecard to file";
	case YS_PROMPT_CONFIRM_QUIT:
		return "Quit? Your answers are saved. (y/n)";
	case YS_PROMPT_QUIT_UNSAVED:
		return "The last save failed. Quit and lose unsaved changes? (y/n, R retry, W save elsewhere)";
	case YS_PROMPT_DELETE_ACTION:
		return "Delete the selected action? (y/n)";
	case YS_PROMPT_PARTICIPANTS:
		return "Participants (comma separated; initials are fine)";
	case YS_PROMPT_TIMEBOX:
		return "Minutes per area (empty for no time box)";
	case YS_PROMPT_DISSENT:
		return "Dissent note (who disagrees, and why)";
	case YS_PROMPT_NONE:
		break;
	}
	return "";
}

void sess_open_prompt(ys_session *s, ys_prompt p, const char *initial)
{
	if (!ys_line_set(&s->line, initial) && !ys_line_set(&s->line, NULL)) {
		sess_oom(s);
		return;
	}
	s->prompt = p;
}

void sess_close_prompt(ys_session *s)
{
	s->prompt = YS_PROMPT_NONE;
	ys_line_clear(&s->line);
}

static bool edit(ys_session *s, const ys_session_action *act)
{
	switch (act->type) {
	case YS_A_INPUT_INSERT:
		switch (ys_line_insert(&s->line, act->text)) {
		case YS_LINE_UNCHANGED:
			return false;
		case YS_LINE_TOO_LONG:
			sess_status(s, true, "That text is too long.");
			return true;
		case YS_LINE_NOMEM:
			sess_oom(s);
			return true;
		case YS_LINE_OK:
			break;
		}
		return true;
	case YS_A_INPUT_BACKSPACE:
		return ys_line_backspace(&s->line);
	case YS_A_INPUT_DELETE:
		return ys_line_delete(&s->line);
	case YS_A_INPUT_LEFT:
		return ys_line_left(&s->line);
	case YS_A_INPUT_RIGHT:
		return ys_line_right(&s->line);
	case YS_A_INPUT_HOME:
		ys_line_home(&s->line);
		return true;
	case YS_A_INPUT_END:
		ys_line_end(&s->line);
		return true;
	case YS_A_INPUT_KILL:
		ys_line_clear(&s->line);
		return true;
	default:
		return false;
	}
}

static bool set_assessors(ys_session *s, const char *text)
{
	char **list;
	size_t n;
	bool ok;

	if (ys_names_split(text, SIZE_MAX, &list, &n) != 0)
		return false;
	ok = ys_answers_set_assessors(s->a, (const char *const *)list, n);
	ys_strv_free(list, n);
	return ok;
}

/* Reads up to max digits from *p as a number; returns the digits read. */
static int digits(const char **p, int max, int *out)
{
	int n = 0;

	*out = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		*out = *out * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

const char *ys_due_date_parse(const char *text, char iso[11])
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const char *p = text;
	int y, m, d, last;

	if (digits(&p, 4, &y) == 4 && *p == '-') {
		p++;
		if (digits(&p, 2, &m) != 2 || *p++ != '-' || digits(&p, 2, &d) != 2 || *p)
			return "Give the due date as YYYY-MM-DD (2027-01-31) or DD/MM/YYYY (31/01/2027).";
	} else {
		p = text;
		if (digits(&p, 2, &d) < 1 || *p++ != '/' || digits(&p, 2, &m) < 1 ||
		    *p++ != '/' || digits(&p, 4, &y) != 4 || *p)
			return "Give the due date as DD/MM/YYYY (31/01/2027) or YYYY-MM-DD (2027-01-31).";
	}
	if (m < 1 || m > 12)
		return "That is not a date: the month must be 1 to 12 (DD/MM/YYYY, day first).";
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	if (d < 1 || d > last) {
		static char why[96];

		snprintf(why, sizeof(why), "That is not a date: %s %d has %d days.",
			 months[m - 1], y, last);
		return why;
	}
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return NULL;
}

/* Adds the action being typed, or replaces the one being edited. */
static bool add_action(ys_session *s, const char *due)
{
	bool ok;

	if (s->editing != SIZE_MAX)
		ok = ys_answers_edit_action(s->a, s->q, s->row, s->editing,
					    s->pending_action, s->pending_owner, due);
	else
		ok = ys_answers_add_action(s->a, s->q, s->row, s->pending_action,
					   s->pending_owner, due);
	if (!ok)
		return false;
	sess_drop_pending(s);
	return true;
}

void sess_drop_pending(ys_session *s)
{
	ys_free(s->pending_action);
	ys_free(s->pending_owner);
	ys_free(s->pending_due);
	s->pending_action = NULL;
	s->pending_owner = NULL;
	s->pending_due = NULL;
	s->editing = SIZE_MAX;
}

bool sess_quit(ys_session *s)
{
	if (s->started && (s->dirty || s->save_failed) && !ys_session_save(s)) {
		s->prompt = YS_PROMPT_QUIT_UNSAVED;
		return true;
	}
	s->outcome = YS_OUT_QUIT;
	return true;
}

static int default_save_as(void *ctx, ys_store *store, const char *path,
			   const ys_answers *a, bool *exists, char **err)
{
	(void)ctx;
	return ys_store_create(store, path, a, exists, err);
}

/* Saved to path in place of the current file, the answers must record
 * their questionnaire's file as seen from path's folder. Returns the
 * record as it was (to put back if the save fails; the caller frees it),
 * or NULL when there is none or nothing changed. When the file is no
 * longer there the record is dropped (it would name another file). */
static char *rebase_questionnaire_file(ys_session *s, const char *path)
{
	char *old, *cur, *rel;

	if (!s->a->q_file || !s->has_store)
		return NULL;
	old = ys_strdup(s->a->q_file);
	if (!old)
		return NULL;
	cur = ys_path_in_answers(old, s->store.path);
	rel = cur ? ys_path_from_answers(cur, path) : NULL;
	if (!ys_answers_set_questionnaire_file(s->a, rel))
		ys_answers_set_questionnaire_file(s->a, NULL);
	ys_free(cur);
	ys_free(rel);
	return old;
}

static bool save_as(ys_session *s, const char *path)
{
	ys_save_as_fn fn = s->opts.save_as_fn ? s->opts.save_as_fn : default_save_as;
	ys_store ns;
	bool exists = false;
	char *err = NULL, *old_file;

	if (s->has_store && !strcmp(path, s->store.path))
		return ys_session_save(s);
	memset(&ns, 0, sizeof(ns));
	old_file = rebase_questionnaire_file(s, path);
	if (fn(s->opts.save_as_ctx, &ns, path, s->a, &exists, &err) != 0) {
		if (old_file)
			ys_answers_set_questionnaire_file(s->a, old_file);
		ys_free(old_file);
		if (exists)
			sess_status(s, true, "%s already exists; choose a new file name.", path);
		else
			sess_status(s, true, "Cannot save to %s: %s", path,
				    err ? err : "the file cannot be written");
		ys_free(err);
		return false;
	}
	ys_free(old_file);
	if (s->has_store)
		ys_store_close(&s->store);
	s->store = ns;
	s->has_store = true;
	s->save_failed = false;
	s->dirty = false;
	s->started = true;
	ys_free(s->save_error);
	s->save_error = NULL;
	sess_local_time(s->saved_at);
	sess_status(s, false, "Saved %s to %s", s->saved_at, path);
	return true;
}

/* Sets the participants from a comma-separated list. Returns false with
 * the reason on the status line when the list is refused. */
static bool set_participants(ys_session *s, const char *text)
{
	char **list;
	size_t n, i, j;
	bool ok = false;
	int rc = ys_names_split(text, YS_MAX_NAMES, &list, &n);

	if (rc > 0) {
		sess_status(s, true, "At most %d participants.", YS_MAX_NAMES);
		return false;
	}
	if (rc < 0) {
		sess_oom(s);
		return false;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) {
			if (ys_name_equal(list[i], list[j])) {
				sess_status(s, true, "%s is named twice: give each participant a different name.",
					   list[i]);
				goto done;
			}
		}
	}
	if (!ys_answers_set_participants(s->a, (const char *const *)list, n) ||
	    !sess_undo_room(s))
		goto oom;
	ok = true;
	goto done;
oom:
	sess_oom(s);
done:
	ys_strv_free(list, n);
	return ok;
}

static bool set_timebox(ys_session *s, const char *text)
{
	if (!*text) {
		s->timebox = 0;
		return true;
	}
	if (!ys_timebox_parse(text, &s->timebox)) {
		sess_status(s, true, "Give the time box as whole minutes, 1 to %d (0 or empty for none).",
			   YS_TIMEBOX_MAX);
		return false;
	}
	return true;
}

#define DISSENT_PREFIX "Dissent: "

/* Adds a line "Dissent: text" to the current question's note. */
static void add_dissent(ys_session *s, const char *text)
{
	const char *old = s->a->responses[s->question].note;
	size_t n = (old ? strlen(old) + 1 : 0) + strlen(DISSENT_PREFIX) + strlen(text) + 1;
	char *note = ys_malloc(n);

	if (!note) {
		sess_oom(s);
		return;
	}
	snprintf(note, n, "%s%s%s%s", old ? old : "", old ? "\n" : "", DISSENT_PREFIX, text);
	if (!ys_answers_set_note(s->a, s->question, note)) {
		ys_free(note);
		sess_oom(s);
		return;
	}
	ys_free(note);
	sess_changed(s);
	if (!s->save_failed)
		sess_status(s, false, "Dissent note added and saved.");
}

/* The first free name NAME-scorecard.EXT (then -2, -3...) beside the
 * answers file; the caller frees it. */
static char *export_default_name(const ys_session *s, const char *ext)
{
	const char *path = ys_session_path(s) ? ys_session_path(s) : "assessment.yaml";
	size_t stem = strlen(path), cap;
	struct stat st;
	char *name;
	int i;

	if (stem > 5 && !strcmp(path + stem - 5, ".yaml"))
		stem -= 5;
	else if (stem > 4 && !strcmp(path + stem - 4, ".yml"))
		stem -= 4;
	cap = stem + strlen(ext) + 32;
	name = ys_malloc(cap);
	if (!name)
		return NULL;
	for (i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(name, cap, "%.*s-scorecard.%s", (int)stem, path, ext);
		else
			snprintf(name, cap, "%.*s-scorecard-%d.%s", (int)stem, path, i, ext);
		if (lstat(name, &st) != 0 && errno == ENOENT)
			break;
	}
	return name;
}

static void export_format_chosen(ys_session *s, const char *text)
{
	const char *format = text, *ext = text;
	char *name;

	if (s->opts.export_format && !s->opts.export_format(text, &format, &ext)) {
		if (s->opts.export_formats)
			sess_status(s, true, "Unknown format '%s': type %s.", text,
				   s->opts.export_formats);
		else
			sess_status(s, true, "Unknown format '%s'.", text);
		return;
	}
	if (!ys_answers_set_string(&s->export_format, format)) {
		sess_oom(s);
		return;
	}
	name = export_default_name(s, ext);
	sess_close_prompt(s);
	sess_open_prompt(s, YS_PROMPT_EXPORT_PATH, name);
	ys_free(name);
}

static void export_to(ys_session *s, const char *path)
{
	char *msg = NULL;
	bool exists = false, ok;

	if (!*path) {
		sess_status(s, true, "Type a file name to export to, or Esc to cancel.");
		return;
	}
	if (s->dirty)
		ys_session_save(s);
	ok = s->opts.export_fn(s->opts.export_ctx, s->q, s->a,
			       s->export_format ? s->export_format : "text", path,
			       &msg, &exists);
	/* A name that is taken keeps the prompt open for another one. */
	if (ok || !exists)
		sess_close_prompt(s);
	sess_status(s, !ok, "%s", msg ? msg : (ok ? "Exported." : "Export failed."));
	ys_free(msg);
}

static bool submit(ys_session *s)
{
	ys_prompt p = s->prompt;
	char *text = ys_line_trimmed(&s->line);
	bool ok = true;

	if (!text) {
		sess_oom(s);
		return true;
	}
	switch (p) {
	case YS_PROMPT_ORG:
		ok = ys_answers_set_string(&s->a->organisation, *text ? text : NULL);
		sess_close_prompt(s);
		break;
	case YS_PROMPT_ASSESSORS:
		ok = set_assessors(s, text);
		sess_close_prompt(s);
		break;
	case YS_PROMPT_NA_REASON: {
		ys_choice c = {YS_ANS_NA, -1};

		if (!*text) {
			sess_status(s, true, "N/A needs a reason: type why this question does not apply, or Esc to cancel.");
			break;
		}
		sess_close_prompt(s);
		if (!ys_answers_set_na_reason(s->a, s->question, text)) {
			sess_oom(s);
			break;
		}
		sess_set_choice(s, c);
		break;
	}
	case YS_PROMPT_NOTE:
		sess_close_prompt(s);
		if (!ys_answers_set_note(s->a, s->question, *text ? text : NULL)) {
			sess_oom(s);
			break;
		}
		sess_changed(s);
		break;
	case YS_PROMPT_OWNER: {
		sess_close_prompt(s);
		if (!ys_answers_set_owner(s->a, s->q, s->row, *text ? text : NULL)) {
			sess_oom(s);
			break;
		}
		sess_changed(s);
		sess_recompute_score(s);
		break;
	}
	case YS_PROMPT_ACTION_TEXT:
		if (!*text) {
			sess_drop_pending(s);
			sess_close_prompt(s);
			break;
		}
		ys_free(s->pending_action);
		s->pending_action = text;
		text = NULL;
		/* Editing: the owner and due date typed before are offered. */
		sess_open_prompt(s, YS_PROMPT_ACTION_OWNER, s->pending_owner);
		break;
	case YS_PROMPT_ACTION_OWNER:
		ys_free(s->pending_owner);
		s->pending_owner = NULL;
		if (*text) {
			s->pending_owner = text;
			text = NULL;
		}
		sess_open_prompt(s, YS_PROMPT_ACTION_DUE, s->pending_due);
		break;
	case YS_PROMPT_ACTION_DUE: {
		char iso[11] = "";
		const char *why = *text ? ys_due_date_parse(text, iso) : NULL;
		bool edited = s->editing != SIZE_MAX;

		if (why) {
			sess_status(s, true, "%s Or leave it empty.", why);
			break;
		}
		sess_close_prompt(s);
		if (!add_action(s, iso)) {
			sess_drop_pending(s);
			sess_oom(s);
			break;
		}
		sess_changed(s);
		/* A new action is selected, so that it shows. */
		if (!edited && ys_session_profile_items(s, NULL) > 0)
			s->item = ys_session_profile_items(s, NULL) - 1;
		if (!s->save_failed)
			sess_status(s, false, "Action %s%s%s. Saved at %s.", edited ? "changed" : "added",
				    *iso ? ", due " : "", iso, s->saved_at);
		break;
	}
	case YS_PROMPT_PARTICIPANTS:
		if (set_participants(s, text))
			sess_close_prompt(s);
		break;
	case YS_PROMPT_TIMEBOX:
		if (set_timebox(s, text))
			sess_close_prompt(s);
		break;
	case YS_PROMPT_DISSENT:
		sess_close_prompt(s);
		if (*text)
			add_dissent(s, text);
		break;
	case YS_PROMPT_SAVE_AS:
		if (!*text) {
			sess_status(s, true, "Type a file name to save to, or Esc to cancel.");
			break;
		}
		sess_close_prompt(s);
		save_as(s, text);
		break;
	case YS_PROMPT_EXPORT_FORMAT:
		export_format_chosen(s, s->opts.n_export_names ?
				     s->opts.export_names[s->export_choice] : text);
		break;
	case YS_PROMPT_EXPORT_PATH:
		export_to(s, text);
		break;
	default:
		sess_close_prompt(s);
		break;
	}
	if (!ok)
		sess_oom(s);
	ys_free(text);
	return true;
}

/* The export format offered as a list: Left/Right (or Up/Down) move,
 * a digit picks, Enter takes the one shown, Esc cancels. */
static bool format_choice_action(ys_session *s, const ys_session_action *act)
{
	size_t n = s->opts.n_export_names;

	switch (act->type) {
	case YS_A_PREV:
	case YS_A_UP:
		s->export_choice = (s->export_choice + n - 1) % n;
		return true;
	case YS_A_NEXT:
	case YS_A_DOWN:
		s->export_choice = (s->export_choice + 1) % n;
		return true;
	case YS_A_CHOOSE:
		if (act->arg < 0 || (size_t)act->arg >= n)
			return false;
		s->export_choice = (size_t)act->arg;
		/* fall through */
	case YS_A_SUBMIT:
	case YS_A_SELECT:
		return submit(s);
	case YS_A_CANCEL:
	case YS_A_BACK:
		sess_close_prompt(s);
		return true;
	default:
		return false;
	}
}

/* y deletes the selected action of the selected area, n keeps it. */
static bool delete_action_answer(ys_session *s, const ys_session_action *act)
{
	size_t nb, n = ys_session_profile_items(s, &nb);

	switch (act->type) {
	case YS_A_YES:
		sess_close_prompt(s);
		if (s->item < nb || s->item >= n)
			return true;
		if (!ys_answers_remove_action(s->a, s->q, s->row, s->item - nb)) {
			sess_oom(s);
			return true;
		}
		sess_changed(s);
		if (s->item > 0 && s->item + 1 >= n)
			s->item--;
		if (!s->save_failed)
			sess_status(s, false, "Action deleted. Saved at %s.", s->saved_at);
		return true;
	case YS_A_NO:
	case YS_A_CANCEL:
		sess_close_prompt(s);
		sess_status(s, false, "The action was kept.");
		return true;
	default:
		return false;
	}
}

bool sess_prompt_action(ys_session *s, const ys_session_action *act)
{
	if (ys_session_text_prompt(s)) {
		if (act->type == YS_A_SUBMIT)
			return submit(s);
		if (act->type == YS_A_CANCEL) {
			sess_drop_pending(s);
			sess_close_prompt(s);
			return true;
		}
		return edit(s, act);
	}
	if (s->prompt == YS_PROMPT_EXPORT_FORMAT)
		return format_choice_action(s, act);
	if (s->prompt == YS_PROMPT_DELETE_ACTION)
		return delete_action_answer(s, act);
	/* yes/no prompts */
	switch (act->type) {
	case YS_A_YES:
		if (s->prompt == YS_PROMPT_QUIT_UNSAVED) {
			s->outcome = YS_OUT_QUIT;
			return true;
		}
		sess_close_prompt(s);
		return sess_quit(s);
	case YS_A_NO:
	case YS_A_CANCEL:
		sess_close_prompt(s);
		return true;
	case YS_A_RETRY_SAVE:
		if (s->prompt == YS_PROMPT_QUIT_UNSAVED && ys_session_save(s)) {
			sess_close_prompt(s);
			s->outcome = YS_OUT_QUIT;
		}
		return true;
	case YS_A_SAVE_ELSEWHERE:
		sess_close_prompt(s);
		sess_open_prompt(s, YS_PROMPT_SAVE_AS, ys_session_path(s));
		return true;
	default:
		return false;
	}
}

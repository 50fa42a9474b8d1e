/* Paths as an answers file records them (questionnaire.file, DESIGN
 * section 4: relative to the answers file's folder) and as the program
 * prints them in commands for the user to run next (which must work
 * exactly as printed, DESIGN section 2).
 *
 * Every function returns a new string the caller frees with ys_free(),
 * or NULL when out of memory (errno ENOMEM) or as said below. */
#ifndef YARDSTICK_PATH_H
#define YARDSTICK_PATH_H

/* The folder part of path: "." when it has none, "/" for a name at the
 * root ("a/b.yaml" gives "a", "b.yaml" gives "."). */
char *ys_path_dir(const char *path);

/* rel seen from folder dir: rel itself when it is absolute or dir is
 * ".", else dir/rel. */
char *ys_path_join(const char *dir, const char *rel);

/* The relative path from folder dir to target. Both must be absolute and
 * canonical (no "." or ".." parts, no repeated or trailing slash, as
 * realpath(3) gives them); the result has no trailing slash
 * ("q.yaml", "../elsewhere/q.yaml", "." when they are the same). */
char *ys_path_relative(const char *target, const char *dir);

/* The existing file `file` (a path from the current folder) as a path
 * relative to the folder of the answers file answers_path (the answers
 * file need not exist yet; its folder must). Symbolic links are resolved
 * in both, so the result names the same file whatever folder the answers
 * file is opened from. NULL with errno set when either cannot be
 * resolved. */
char *ys_path_from_answers(const char *file, const char *answers_path);

/* The file recorded as rel in the answers file answers_path, as a path
 * from the current folder. */
char *ys_path_in_answers(const char *rel, const char *answers_path);

/* s as one word for a POSIX shell, to print in a command: as it is when
 * every character is one no shell treats specially (letters, digits and
 * ./_-+,:@%=), else in single quotes with each ' written as '\''; a
 * relative path that starts with '-' gets "./" in front so that no
 * command reads it as an option. */
char *ys_shell_word(const char *s);

#endif

/* being written */
typedef int ys_placeholder_compare;

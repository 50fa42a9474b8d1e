/* Placeholder: this module is being written. */
typedef int ys_placeholder_store;

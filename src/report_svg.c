/* being written */
typedef int ys_placeholder_report_svg;

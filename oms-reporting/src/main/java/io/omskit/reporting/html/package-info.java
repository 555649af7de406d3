/** The report as one self-contained HTML page: inline CSS, inline SVG charts, no script. */
package io.omskit.reporting.html;

#!/usr/bin/env bash
# Renders the README's picture of the HTML report: a generated week of a shop, reported and drawn to docs/oms-report.png.
# Run from the repository's root. Needs the DejaVu fonts (Debian: fonts-dejavu-core).
set -euo pipefail
mvn -B -q -DskipTests -pl oms-benchmarks -am package
java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.reporting.ReportSample target/report-sample.html
cd docs/report-picture
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -cp "target/classes:$(cat target/classpath.txt)" io.omskit.docs.ReportPicture ../../target/report-sample.html ../oms-report.png 3 150

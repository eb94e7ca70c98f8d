#!/usr/bin/env bash
# The same nightly run on a Spark cluster. spark-submit supplies Spark itself and the JVM flags; the
# cluster jar (target/skillgap-cluster.jar, built by `mvn package`) adds Delta Lake and the few
# libraries a Spark distribution lacks. Every path comes from the command line or the configuration.
#
# Usage (from a machine with a Spark 4.2 client, SPARK_HOME set):
#   MASTER=spark://spark-master:7077 \
#   LANDING=s3a://skillgap/landing WAREHOUSE=s3a://skillgap/warehouse PUBLISH=s3a://skillgap/publish \
#   REFERENCE=s3a://skillgap/reference \
#   jobs/spark-submit.sh run
#
# MASTER may be spark://..., yarn or k8s://https://...; DEPLOY_MODE client (default) or cluster; executor
# sizes and the --conf keys of your object store go in SUBMIT_OPTS, e.g.
#   SUBMIT_OPTS="--executor-cores 4 --executor-memory 8g --packages org.apache.hadoop:hadoop-aws:3.5.0
#     --conf spark.hadoop.fs.s3a.endpoint=https://minio:9000 --conf spark.hadoop.fs.s3a.path.style.access=true"
# The full spark-submit forms for standalone, YARN and Kubernetes, object stores (s3a://, abfss://) and
# executor sizes for 10M and 100M postings: docs/CLUSTER.md.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$home/target/skillgap-cluster.jar}"
[[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
command="${1:-run}"; shift || true

# shellcheck disable=SC2086
exec "${SPARK_HOME:?set SPARK_HOME to a Spark 4.2 client}/bin/spark-submit" \
  --master "${MASTER:?set MASTER}" \
  --deploy-mode "${DEPLOY_MODE:-client}" \
  --name skillgap \
  --class io.skillgap.SkillGap \
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
  --conf spark.sql.adaptive.enabled=true \
  ${SUBMIT_OPTS:-} \
  "$jar" "$command" \
  --config "${CONFIG:-$home/conf/skillgap.conf}" \
  --landing "${LANDING:?set LANDING}" --warehouse "${WAREHOUSE:?set WAREHOUSE}" --publish "${PUBLISH:?set PUBLISH}" \
  --set paths.reference="${REFERENCE:-$home/conf/reference}" \
  "$@"

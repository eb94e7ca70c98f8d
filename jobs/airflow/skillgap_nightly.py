"""Apache Airflow DAG for the skillgap nightly run on a Spark cluster.

Runs `jobs/spark-submit.sh run --date <the logical date>` once a day, retries twice, alerts on failure.
Exit codes of skillgap (README, "Operating it"): 4 means another run still holds the warehouse lock, so
the task is skipped rather than failed; 5 (a quality rule failed, yesterday's publication kept) and 6 (too
many rows quarantined, everything written) fail the task so that someone looks.

Install: copy this file into the Airflow dags folder and set the Airflow Variables skillgap_home,
skillgap_landing, skillgap_warehouse, skillgap_publish, skillgap_master (and optionally
skillgap_alert_email).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator

SKILLGAP_HOME = Variable.get("skillgap_home", default_var="/opt/skillgap")

default_args = {
    "owner": "skillgap",
    "retries": 2,
    "retry_delay": timedelta(minutes=15),
    "email": [Variable.get("skillgap_alert_email", default_var="")] if Variable.get("skillgap_alert_email", default_var="") else [],
    "email_on_failure": True,
    "email_on_retry": False,
}

with DAG(
    dag_id="skillgap_nightly",
    description="Skills-gap tables: vacancies, wages and graduates to published gap tables",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["skillgap"],
) as dag:
    BashOperator(
        task_id="run_night",
        bash_command=(
            f"{SKILLGAP_HOME}/jobs/spark-submit.sh run --date {{{{ ds }}}}"
        ),
        env={
            "MASTER": Variable.get("skillgap_master", default_var="yarn"),
            "LANDING": Variable.get("skillgap_landing", default_var="s3a://skillgap/landing"),
            "WAREHOUSE": Variable.get("skillgap_warehouse", default_var="s3a://skillgap/warehouse"),
            "PUBLISH": Variable.get("skillgap_publish", default_var="s3a://skillgap/publish"),
            "REFERENCE": Variable.get("skillgap_reference", default_var="s3a://skillgap/reference"),
        },
        append_env=True,
        skip_on_exit_code=[4],
        execution_timeout=timedelta(hours=3),
    )

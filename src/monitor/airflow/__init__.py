"""Everything Airflow-specific: the task bodies the DAG files wire (`orchestration`) and the
settings read from Airflow connections and variables (`config`). Importing this package
imports nothing: DAG parsing stays cheap."""

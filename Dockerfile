# Airflow image extended with the Asylum Policy Monitor: the package (src/monitor), the DAG
# files and the plugin baked in, so every Airflow component — and, when scaling out, every
# Celery or Kubernetes worker — runs the same code (docs/DEPLOY.md).
# Follows the official "extending the image" guidance: stay on the airflow user for pip and
# pin apache-airflow to the image's own version so pip can never up/downgrade it.
# No secrets are baked in: everything is configured at run time (docker-compose.yml, .env).
FROM apache/airflow:3.3.2-python3.11

USER airflow

# Only what the build needs (see .dockerignore). Owned by airflow so the build backend can
# write its build/ and *.egg-info files into the source tree.
COPY --chown=airflow:0 pyproject.toml README.md /opt/airflow/monitor-src/
COPY --chown=airflow:0 src/ /opt/airflow/monitor-src/src/

RUN pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" /opt/airflow/monitor-src \
    && python -c "import monitor, monitor.orchestration"

# Wiring only; the code they call is the package installed above.
COPY --chown=airflow:0 dags/ /opt/airflow/dags/
COPY --chown=airflow:0 plugins/ /opt/airflow/plugins/

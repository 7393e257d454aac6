# The Rogatory image: web app, watcher and workers (the command chooses which).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 OMP_THREAD_LIMIT=1
WORKDIR /app

COPY scripts/install-system-packages.sh scripts/
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends procps \
    && scripts/install-system-packages.sh && rm -rf /var/lib/apt/lists/*

COPY requirements.lock pyproject.toml ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

COPY rogatory rogatory
COPY ingest ingest
COPY extract extract
COPY classify classify
COPY storage storage
COPY workers workers
COPY web web
COPY service service
COPY models models
ENV ROGATORY_NER_MODELS_DIR=/app/models
RUN pip install --no-cache-dir --no-deps . \
    && useradd --system --create-home --uid 10001 rogatory \
    && mkdir -p /var/lib/rogatory /srv/inbox && chown rogatory /var/lib/rogatory /srv/inbox

USER rogatory
EXPOSE 8000
CMD ["rogatory", "web"]

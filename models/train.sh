#!/usr/bin/env bash
# Train the NER pipeline of one language, from the corpora to a scored pipeline:
#
#     models/train.sh LANG          (LANG: see models/README.md)
#
# 1. models/convert.py LANG       -> $DATA/LANG/{train,dev}.spacy (fixed seed, no test split read)
# 2. spacy train models/LANG/config.cfg (seed in the config), one thread, nice 19, capped at
#    $CAP (the config's max_steps normally ends it first) -> $DATA/out/LANG/model-best
# 3. models/card.py LANG          -> dev-split P/R/F1 per label, size, sha256, training time and
#    the sources and licences written into model-best/meta.json
set -euo pipefail
L=${1:?usage: models/train.sh LANG}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PY:-/work/main/.venv/bin/python}
DATA=${DATA:-/work/data/ner}
CAP=${CAP:-20m}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

"$PY" "$HERE/convert.py" "$L" --out "$DATA"
mkdir -p "$DATA/out"
rm -rf "$DATA/out/$L"
start=$(date +%s)
set +e
nice -n 19 timeout "$CAP" "$PY" -m spacy train "$HERE/$L/config.cfg" --output "$DATA/out/$L" \
    --paths.train "$DATA/$L/train.spacy" --paths.dev "$DATA/$L/dev.spacy" \
    > "$DATA/out/$L.log" 2>&1
rc=$?
set -e
end=$(date +%s)
echo "spacy train exit $rc after $((end - start)) s" | tee -a "$DATA/out/$L.log"
test -d "$DATA/out/$L/model-best"
nice -n 19 "$PY" "$HERE/card.py" "$L" --seconds $((end - start)) --data "$DATA"

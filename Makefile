# Two commands do all the set-up on a fresh machine:
#   make demo   - creates .venv, installs the pinned dependencies, generates the demo data, builds everything
#                 (the Evidence site too when Node.js is installed; `make pdf` also prints a PDF per municipality)
#   make test   - runs the test suite (installs first if needed)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo pdf test test-spark lint docs bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kommunanalys demo

pdf: $(STAMP)
	$(BIN)/kommunanalys report --pdf

test: $(STAMP)
	$(BIN)/python -m pytest

# the demo built on Spark (dbt-spark, session method; needs Java 17) and compared with DuckDB's build, table by
# table (python/tests/test_spark.py; README, "Spark"). Not part of `make test`.
SPARK_STAMP := $(VENV)/.installed-spark
$(SPARK_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(SPARK_STAMP)

test-spark: $(SPARK_STAMP)
	$(BIN)/python -m pytest -m spark

lint: $(STAMP)
	$(BIN)/sqlfluff lint models tests

docs: $(STAMP)
	$(BIN)/kommunanalys docs

# make bench                       demo, a tenth, the national year (full build, KPB core, the plain-SQL reference
#                                  and the plain script scripts/kpb_direkt.py, with their marts compared)
# make bench BENCH_ARGS=--tre-ar   also one new month on three national years (about an hour on 2 cores)
# make bench BENCH_ARGS="--scales tenth national --upprepningar 3 --tre-ar --fem-ar --testsvit"   issue 24's run
#                                  (five national years of monthly files and `make test`'s wall time: hours)
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py $(BENCH_ARGS)

clean:
	rm -rf build target logs reports/build reports/.evidence/template reports/static/data

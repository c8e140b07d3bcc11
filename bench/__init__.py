"""The benchmark and the scale generator, outside the application package: nothing here is
importable by the running app (import-linter checks that `cipdesk` never imports `bench`).

    python -m bench.echelle structure          # data at scale (see bench/echelle.py)
    python bench/run.py --scale structure      # the benchmark itself (bench/run.py)
    python -m bench.tableau                    # employeurs, intégration, tableau de bord (PostgreSQL)
"""

import build, docs_en, docs_es
build.write_all()

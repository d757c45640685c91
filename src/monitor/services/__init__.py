"""Local services for `make run` and the tests: Elasticsearch launcher, SMTP sink, demo site."""

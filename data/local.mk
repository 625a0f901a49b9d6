## The worked example: a streaming service's campaign of "viewing
## factoids" about its subscribers, assessed from screening to sign-off,
## as a dpia record; `dpia import` loads it. The same assessment written
## in French (its language fr) beside it.
dist_examples_DATA += data/examples/streaming-factoids.xml
dist_examples_DATA += data/examples/streaming-factoids.fr.xml

## The catalogue of measures and threats (built into dpia, installed
## with its schema for those who write their own).
dist_pkgdata_DATA += data/catalogue.xml data/catalogue.rng
